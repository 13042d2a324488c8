package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Every table and view of a gridpulse database as sorted rows of text, for comparing two runs
 * of `process` row by row. Replacing tables are read with FINAL. Left out are the columns that
 * name the wall clock of a write (a replay writes them again with a later time) and the ones
 * that name where a record sat in Kafka (two runs publish the same file at other offsets).
 */
final class DatabaseSnapshot {

    /** Wall-clock columns: when a row was written, not what it says. */
    static final Set<String> WALL_CLOCK = Set.of(
            "emitted_at",
            "ingested_at",
            "seen_at",
            "recorded_at",
            "loaded_at",
            "last_recorded_at",
            "applied_at",
            "run_id");

    /** Per table, further columns that differ between two runs of the same input. */
    static final Map<String, Set<String>> RUN_SPECIFIC = Map.of(
            // the Kafka offset of a rejected record, and the id derived from it
            "rejected", Set.of("reject_id", "origin"),
            // hourly windows are versioned by the wall clock of their emission
            "case_hourly", Set.of("version"),
            "vehicle_hourly", Set.of("version"),
            "sensor_hourly", Set.of("version"));

    private DatabaseSnapshot() {}

    /** Table or view name -> its rows, each row its compared columns joined by tabs, sorted. */
    static Map<String, List<String>> of(ClickHouseSettings ch) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = ClickHouseConnections.open(ch)) {
            Map<String, String> engines = new TreeMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT name, engine FROM system.tables WHERE database = ?")) {
                ps.setString(1, ch.database());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        engines.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (var e : engines.entrySet()) {
                String table = e.getKey();
                List<String> columns = columns(c, ch.database(), table);
                if (columns.isEmpty()) {
                    continue;
                }
                StringJoiner select = new StringJoiner(", ");
                columns.forEach(col -> select.add("toString(`" + col + "`)"));
                String fin = e.getValue().startsWith("Replacing") ? " FINAL" : "";
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + ch.database() + ".`" + table
                                + "`" + fin + " ORDER BY ALL")) {
                    while (rs.next()) {
                        StringJoiner row = new StringJoiner("\t");
                        for (int i = 1; i <= columns.size(); i++) {
                            String v = rs.getString(i);
                            row.add(v == null ? "\\N" : v);
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(table + " (" + String.join(", ", columns) + ")", rows);
            }
        }
        return out;
    }

    private static List<String> columns(Connection c, String db, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        Set<String> skip = RUN_SPECIFIC.getOrDefault(table, Set.of());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM system.columns WHERE database = ? AND table = ? ORDER BY position")) {
            ps.setString(1, db);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (!WALL_CLOCK.contains(name) && !skip.contains(name)) {
                        cols.add(name);
                    }
                }
            }
        }
        return cols;
    }
}
