package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.model.Feed;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The summary `process` and `demo` print on standard output. */
final class Summary {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));

    private Summary() {}

    static void print(RunReport r, ClickHouseSettings ch, PrintStream out) throws SQLException {
        out.printf(
                "gridpulse process: as of %s, %d s%n%n",
                ISO.format(Instant.ofEpochMilli(r.asOf())), r.result().elapsed().toSeconds());
        out.printf(
                "%-9s %12s %12s %12s %12s %10s%n",
                "feed", "records", "valid", "redelivered", "after as-of", "rejected");
        for (var e : r.published().entrySet()) {
            Feed f = e.getKey();
            LocalRun.FeedResult fr = r.result().feeds().get(f);
            long rejected =
                    fr.rejected().values().stream().mapToLong(Long::longValue).sum();
            out.printf(
                    "%-9s %,12d %,12d %,12d %,12d %,10d%n",
                    f.code(), e.getValue().lines(), fr.valid(), fr.duplicates(), fr.afterAsOf(), rejected);
        }
        if (r.result().restarts() > 0 || !r.result().faults().isEmpty()) {
            out.println();
            out.printf(
                    "task restarts: %d (results stay exact: writes are idempotent)%n",
                    r.result().restarts());
        }
        if (!r.result().faults().isEmpty()) {
            out.println("faults injected (seconds after the jobs started):");
            r.result().faults().forEach(f -> out.println("  " + f));
        }
        out.println();
        out.println("rejected by reason:");
        boolean any = false;
        for (var e : r.result().feeds().entrySet()) {
            for (Map.Entry<ReasonCode, Long> rr : e.getValue().rejected().entrySet()) {
                out.printf("  %-9s %-20s %,8d%n", e.getKey().code(), rr.getKey(), rr.getValue());
                any = true;
            }
        }
        if (!any) {
            out.println("  none");
        }
        String db = ch.database();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement()) {
            out.println();
            out.println("busiest grids (cases reported):");
            table(
                    st,
                    out,
                    "SELECT m.grid_code, any(g.name), any(g.district), sum(m.reported) AS n FROM " + db
                            + ".grid_monthly m LEFT JOIN " + db + ".grids g ON g.code = m.grid_code"
                            + " WHERE m.grid_code != '' GROUP BY m.grid_code ORDER BY n DESC, m.grid_code LIMIT 5");
            out.println();
            out.println("busiest categories (cases reported):");
            table(
                    st,
                    out,
                    "SELECT m.category_code, any(c.name), sum(m.reported) AS n FROM " + db + ".grid_monthly m"
                            + " LEFT JOIN " + db + ".categories c ON c.code = m.category_code"
                            + " GROUP BY m.category_code ORDER BY n DESC, m.category_code LIMIT 5");
            out.println();
            out.println("cases reported by source:");
            table(
                    st,
                    out,
                    "SELECT month, source, reported FROM " + db + ".source_monthly ORDER BY month, reported DESC");
            out.println();
            out.println("vehicles (trajectory cleaning: positions kept, dropped by reason, new starts; km):");
            table(
                    st,
                    out,
                    "SELECT sum(positions), sum(dropped_too_fast), sum(dropped_same_time), sum(dropped_out_of_order),"
                            + " sum(new_starts), round(sum(distance_km), 1) FROM " + db + ".vehicle_daily FINAL"
                            + " HAVING count() > 0");
            out.println();
            out.println("vehicle and sensor alerts:");
            table(
                    st,
                    out,
                    "SELECT type, count() AS n FROM " + db + ".alerts FINAL WHERE type IN ('ZONE_VIOLATION',"
                            + " 'DUMPING_SUSPECTED', 'VEHICLE_SILENT', 'SENSOR_ALARM', 'SENSOR_SILENT')"
                            + " GROUP BY type ORDER BY type");
        }
    }

    private static void table(Statement st, PrintStream out, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            boolean any = false;
            while (rs.next()) {
                StringBuilder b = new StringBuilder("  ");
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    b.append(String.format(i == n ? "%8s" : "%-22s ", v == null ? "" : v));
                }
                out.println(b);
                any = true;
            }
            if (!any) {
                out.println("  none");
            }
        }
    }
}
