package io.gridpulse.domain.reference;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The departments file: CSV {@code code,name[,parent]}; codes unique; a parent must be a code of
 * the same file, and parents must not form a cycle. Immutable and thread-safe.
 */
public final class Departments {

    static final String SOURCE = "departments";

    private final Map<String, Department> byCode;

    private Departments(Map<String, Department> byCode) {
        this.byCode = byCode;
    }

    public static Departments parseCsv(byte[] csv) {
        Csv.Table table = Csv.Table.read(csv, SOURCE, List.of("code", "name"), List.of("parent"));
        Map<String, Department> byCode = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Csv.Row row : table.rows()) {
            String code = table.required(row, "code");
            Department d = new Department(code, table.required(row, "name"), table.optional(row, "parent"));
            if (byCode.putIfAbsent(code, d) != null) {
                throw table.fail(row, "duplicate code '" + code + "'");
            }
            lines.put(code, row.line());
        }
        for (Department d : byCode.values()) {
            if (d.parent() != null && !byCode.containsKey(d.parent())) {
                throw new ReferenceDataException(
                        SOURCE,
                        lines.get(d.code()),
                        "parent '" + d.parent() + "' of '" + d.code() + "' is not a department code");
            }
            Set<String> seen = new HashSet<>();
            for (Department up = d; up != null; up = up.parent() == null ? null : byCode.get(up.parent())) {
                if (!seen.add(up.code())) {
                    throw new ReferenceDataException(
                            SOURCE, lines.get(d.code()), "department '" + d.code() + "' is its own ancestor");
                }
            }
        }
        return new Departments(Collections.unmodifiableMap(byCode));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** In file order. */
    public List<Department> all() {
        return List.copyOf(byCode.values());
    }

    public int size() {
        return byCode.size();
    }
}
