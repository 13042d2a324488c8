package io.gridpulse.report;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Migrations;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./gridpulse bench dashboards}: loads a year of a Yulin-sized city straight into the
 * tables of a database of its own ({@code gridpulse_bench}; see {@code gridpulse/bench/yulin_year.sql})
 * and prints each dashboard query's p50 and p95 over {@code runs} runs after one warm-up run, the
 * server's CPU time per run, and the machine's load before and after.
 * Target: p95 under 200 ms each. A benchmark, not a test: it prints figures.
 */
public final class DashboardBench {

    public static final String DATABASE = "gridpulse_bench";

    /** Parameters each query is benchmarked with: the last month of the loaded year, and the year. */
    static final Map<String, Map<String, String>> PARAMS = new LinkedHashMap<>();

    static {
        Map<String, String> month = Map.of("month", "2026-10-01");
        Map<String, String> year = Map.of("from", "2025-11-01", "to", "2026-10-01");
        PARAMS.put("cases_by_area", Map.of("from", "2025-11-01", "to", "2026-10-01", "level", "grid", "parent", ""));
        PARAMS.put("cases_by_category", Map.of("from", "2025-11-01", "to", "2026-10-01", "limit", "20"));
        PARAMS.put("cases_by_source", year);
        PARAMS.put("cases_by_department", year);
        PARAMS.put("dept_ranking", month);
        PARAMS.put("centre_overview", month);
        PARAMS.put("trend_monthly", year);
        PARAMS.put("hotspot_grids", Map.of("month", "2026-10-01", "limit", "20"));
        PARAMS.put("frequent_problems", Map.of("month", "2026-10-01", "months", "3", "min_reports", "2"));
        PARAMS.put("overdue_open", Map.of("department", "", "limit", "100"));
        PARAMS.put("alerts_recent", Map.of("type", "ALL", "limit", "50"));
        PARAMS.put("vehicle_activity", Map.of("from", "2026-10-01", "to", "2026-10-31", "vehicle_type", "ALL"));
        PARAMS.put("sensor_status", Map.of("from", "2026-10-01", "to", "2026-10-31"));
        PARAMS.put("sensor_alarms", Map.of("from", "2026-10-01", "to", "2026-10-31"));
    }

    private DashboardBench() {}

    public static void run(ClickHouseSettings server, int runs, boolean reload, PrintStream out, PrintStream err)
            throws Exception {
        ClickHouseSettings ch = server.withDatabase(DATABASE);
        ClickHouseHttp http = new ClickHouseHttp(ch);
        Migrations.apply(ch);
        if (reload || count(http) == 0) {
            err.println("gridpulse: loading a year of a Yulin-sized city into " + DATABASE);
            long t0 = System.nanoTime();
            String sql = DashboardQueries.resource("gridpulse/bench/yulin_year.sql");
            for (String st : Migrations.statements(sql, DATABASE)) {
                http.execute(st);
            }
            err.printf("gridpulse: loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        out.println("conditions at start: " + conditions());
        out.printf("%-22s %8s %9s %9s %7s %12s%n", "query", "rows", "p50 ms", "p95 ms", "< 200", "server cpu");
        DashboardQueries q = new DashboardQueries(http);
        for (var e : PARAMS.entrySet()) {
            try {
                int rows = q.run(e.getKey(), e.getValue()).size();
                double[] ms = new double[runs];
                long cpu0 = serverCpuMicros(http);
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    q.run(e.getKey(), e.getValue());
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                double cpuMs = (serverCpuMicros(http) - cpu0) / 1000.0 / runs;
                Arrays.sort(ms);
                double p50 = ms[(int) Math.ceil(0.50 * runs) - 1];
                double p95 = ms[(int) Math.ceil(0.95 * runs) - 1];
                out.printf(
                        "%-22s %8d %9.1f %9.1f %7s %9.1f ms%n",
                        e.getKey(), rows, p50, p95, p95 < 200 ? "yes" : "NO", cpuMs);
            } catch (ClickHouseHttp.QueryFailedException ex) {
                out.printf("%-22s %s%n", e.getKey(), "failed: " + firstLine(ex.getMessage()));
            }
        }
        out.println("conditions at end: " + conditions());
    }

    /**
     * The machine the figures were measured on: processors and load average (from /proc/loadavg
     * when there is one). Wall-clock latencies on a shared machine mean little without them.
     */
    static String conditions() {
        String load = "load average unknown";
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim()
                    .split("\\s+");
            load = "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: leave it unknown
        }
        return Runtime.getRuntime().availableProcessors() + " processors, " + load;
    }

    /**
     * The server's user and system CPU time so far (system.events), so each query's CPU cost per
     * run can be printed beside its wall-clock times: on a busy machine the wall clock mostly
     * measures waiting. Includes anything else the server runs meanwhile.
     */
    private static long serverCpuMicros(ClickHouseHttp http) throws Exception {
        return http.query(
                        "SELECT toInt64(sum(value)) AS us FROM system.events"
                                + " WHERE event IN ('UserTimeMicroseconds', 'SystemTimeMicroseconds')",
                        Map.of())
                .row(0)
                .count("us");
    }

    private static long count(ClickHouseHttp http) throws Exception {
        return http.query("SELECT count() AS n FROM case_facts", Map.of())
                .row(0)
                .count("n");
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        String l = i < 0 ? s : s.substring(0, i);
        return l.length() > 200 ? l.substring(0, 200) : l;
    }
}
