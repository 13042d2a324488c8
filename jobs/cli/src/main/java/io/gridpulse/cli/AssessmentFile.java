package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.flink.common.Times;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessment configuration file of {@code process --assessment F} (考核参数): a CSV with the
 * header {@code key,value}, one setting a line, {@code #} comments and blank lines allowed. Keys
 * not in the file keep their current value. The values go to the table {@code assessment_config}
 * (sql V009), which the score and inspector views read: a later setting replaces an earlier one.
 * See docs/indicators.md for the keys and their defaults.
 */
record AssessmentFile(Path path, Map<String, Double> values) {

    /** The keys and what a value must be; the defaults are seeded by sql V009. */
    static final Map<String, String> KEYS = keys();

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        for (String w : List.of("disposal_rate", "on_time_rate", "rework_rate", "overdue_rate", "postpone_rate")) {
            k.put("weight_" + w, "a weight >= 0");
        }
        for (String g : List.of("a", "b", "c", "d")) {
            k.put("grade_" + g, "a score bound from 0 to 100");
        }
        k.put("min_due", "a whole number of due dispatches >= 0");
        k.put("verify_within_hours", "a number of hours > 0");
        k.put("check_within_hours", "a number of hours > 0");
        return Collections.unmodifiableMap(k);
    }

    /**
     * Reads and checks the file.
     *
     * @throws IllegalArgumentException naming the file, line and value at fault
     */
    static AssessmentFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Map<String, Double> values = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = path + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equals("key,value")) {
                    throw new IllegalArgumentException(where + ": expected the header 'key,value', got '" + line + "'");
                }
                header = true;
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": expected 'key,value', got '" + line + "'");
            }
            String key = parts[0].strip();
            String rule = KEYS.get(key);
            if (rule == null) {
                throw new IllegalArgumentException(
                        where + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS.keySet()) + ")");
            }
            double v;
            try {
                v = Double.parseDouble(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        where + ": " + key + " must be " + rule + ", got '" + parts[1] + "'");
            }
            if (!valid(key, v)) {
                throw new IllegalArgumentException(
                        where + ": " + key + " must be " + rule + ", got " + parts[1].strip());
            }
            if (values.put(key, v) != null) {
                throw new IllegalArgumentException(where + ": " + key + " is given twice");
            }
        }
        if (!header) {
            throw new IllegalArgumentException(path + ": empty; expected the header 'key,value' and settings");
        }
        checkGradeOrder(path, values);
        return new AssessmentFile(path, Map.copyOf(values));
    }

    private static boolean valid(String key, double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        if (key.startsWith("weight_")) {
            return v >= 0;
        }
        if (key.startsWith("grade_")) {
            return v >= 0 && v <= 100;
        }
        if (key.equals("min_due")) {
            return v >= 0 && v == Math.rint(v);
        }
        return v > 0;
    }

    /** Grade bounds given together must fall from A to D. */
    private static void checkGradeOrder(Path path, Map<String, Double> values) {
        Double previous = null;
        String previousKey = null;
        for (String g : List.of("grade_a", "grade_b", "grade_c", "grade_d")) {
            Double v = values.get(g);
            if (v == null) {
                continue;
            }
            if (previous != null && v > previous) {
                throw new IllegalArgumentException(
                        path + ": " + g + " (" + v + ") must not exceed " + previousKey + " (" + previous + ")");
            }
            previous = v;
            previousKey = g;
        }
    }

    /** Writes the settings, stamped now, so they replace the ones in force. */
    void write(ClickHouseSettings ch) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (Connection c = ClickHouseConnections.open(ch);
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + ch.database()
                        + ".assessment_config (key, value, set_at, origin) VALUES (?, ?, ?, ?)")) {
            String now = Times.millis(System.currentTimeMillis());
            for (var e : values.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setDouble(2, e.getValue());
                ps.setString(3, now);
                ps.setString(4, path.getFileName().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
