package io.gridpulse.domain.reference;

import io.gridpulse.domain.calendar.TimeLimit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The category catalogue (事部件分类): CSV with header {@code code,kind,major,minor,name,limit}
 * and optional {@code department}; kind EVENT or COMPONENT; limit like {@code 2h}, {@code 4wh},
 * {@code 3wd}; codes unique. Immutable and thread-safe.
 */
public final class Catalog {

    static final String SOURCE = "catalog";

    private final Map<String, Category> byCode;

    private Catalog(Map<String, Category> byCode) {
        this.byCode = byCode;
    }

    /** Parses the catalogue; a {@link ReferenceDataException} with the line number on any problem. */
    public static Catalog parseCsv(byte[] csv) {
        Csv.Table table = Csv.Table.read(
                csv, SOURCE, List.of("code", "kind", "major", "minor", "name", "limit"), List.of("department"));
        Map<String, Category> byCode = new LinkedHashMap<>();
        for (Csv.Row row : table.rows()) {
            String code = table.required(row, "code");
            String kindText = table.required(row, "kind");
            CategoryKind kind;
            try {
                kind = CategoryKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw table.fail(row, "kind must be EVENT or COMPONENT, got '" + kindText + "'");
            }
            TimeLimit limit;
            try {
                limit = TimeLimit.parse(table.required(row, "limit"));
            } catch (IllegalArgumentException e) {
                throw table.fail(row, e.getMessage());
            }
            Category category = new Category(
                    code,
                    kind,
                    table.required(row, "major"),
                    table.required(row, "minor"),
                    table.required(row, "name"),
                    limit,
                    table.optional(row, "department"));
            if (byCode.putIfAbsent(code, category) != null) {
                throw table.fail(row, "duplicate code '" + code + "'");
            }
        }
        return new Catalog(Collections.unmodifiableMap(byCode));
    }

    /** A catalogue of the given categories (codes must be unique), for code that builds one. */
    public static Catalog of(List<Category> categories) {
        Map<String, Category> byCode = new LinkedHashMap<>();
        for (Category c : categories) {
            if (byCode.putIfAbsent(c.code(), c) != null) {
                throw new ReferenceDataException(SOURCE, 0, "duplicate code '" + c.code() + "'");
            }
        }
        return new Catalog(Collections.unmodifiableMap(byCode));
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** In file order. */
    public List<Category> categories() {
        return List.copyOf(byCode.values());
    }

    public int size() {
        return byCode.size();
    }
}
