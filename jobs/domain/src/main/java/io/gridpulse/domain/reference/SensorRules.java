package io.gridpulse.domain.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensor rules file: CSV {@code type,operator,threshold,consecutive,severity[,categoryCode]},
 * operator one of {@code > >= < <=}, threshold a finite number, consecutive an integer >= 1,
 * severity any non-empty name. A type may have several rules (for example a warning and a
 * critical level). Immutable and thread-safe.
 */
public final class SensorRules {

    static final String SOURCE = "sensor-rules";

    private final List<SensorRule> rules;
    private final Map<String, List<SensorRule>> byType;

    private SensorRules(List<SensorRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<SensorRule>> map = new LinkedHashMap<>();
        for (SensorRule r : rules) {
            map.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
        }
        map.replaceAll((t, list) -> List.copyOf(list));
        this.byType = Collections.unmodifiableMap(map);
    }

    public static SensorRules parseCsv(byte[] csv) {
        Csv.Table table = Csv.Table.read(
                csv,
                SOURCE,
                List.of("type", "operator", "threshold", "consecutive", "severity"),
                List.of("categoryCode"));
        List<SensorRule> rules = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            String opText = table.required(row, "operator");
            SensorRule.Operator op = SensorRule.Operator.ofSymbol(opText);
            if (op == null) {
                throw table.fail(row, "operator must be one of > >= < <=, got '" + opText + "'");
            }
            int consecutive = table.integer(row, "consecutive");
            if (consecutive < 1) {
                throw table.fail(row, "consecutive must be at least 1, got " + consecutive);
            }
            rules.add(new SensorRule(
                    table.required(row, "type"),
                    op,
                    table.number(row, "threshold"),
                    consecutive,
                    table.required(row, "severity"),
                    table.optional(row, "categoryCode")));
        }
        return new SensorRules(rules);
    }

    /** The rules of a sensor type, in file order; empty when it has none. */
    public List<SensorRule> rulesFor(String type) {
        return byType.getOrDefault(type, List.of());
    }

    public List<SensorRule> all() {
        return rules;
    }
}
