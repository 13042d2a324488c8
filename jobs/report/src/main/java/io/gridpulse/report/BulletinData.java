package io.gridpulse.report;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * Everything one month's bulletin prints, fetched through the dashboard queries (so every figure
 * comes from the contract views, the same way the dashboard gets it). A missing view fails the
 * fetch with ClickHouse's message; nothing is filled in.
 *
 * @param asOf the time the figures stand at (统计截止时间), as ClickHouse prints it
 */
public record BulletinData(
        YearMonth month,
        String asOf,
        Table centre,
        Table ranking,
        Table departments,
        Table overdue,
        Table categories,
        Table hotspots,
        Table frequent,
        Table sources,
        Table vehicles,
        Table sensors,
        Table sensorAlarms,
        Table grids) {

    /** How many rows the bulletin lists at most in its long tables. */
    public static final int OVERDUE_ROWS = 50;

    public static final int TOP_ROWS = 10;

    public static BulletinData fetch(DashboardQueries q, YearMonth month, String asOf) throws IOException {
        String m = month.atDay(1).toString();
        LocalDate last = month.atEndOfMonth();
        Map<String, String> monthOnly = Map.of("month", m);
        Map<String, String> days = Map.of("from", m, "to", last.toString());
        return new BulletinData(
                month,
                asOf,
                q.run("centre_overview", monthOnly),
                q.run("dept_ranking", monthOnly),
                q.run("cases_by_department", Map.of("from", m, "to", m)),
                q.run("overdue_open", Map.of("department", "", "limit", Integer.toString(OVERDUE_ROWS))),
                q.run("cases_by_category", Map.of("from", m, "to", m, "limit", Integer.toString(TOP_ROWS))),
                q.run("hotspot_grids", Map.of("month", m, "limit", Integer.toString(TOP_ROWS))),
                q.run("frequent_problems", Map.of("month", m, "months", "3", "min_reports", "2")),
                q.run("cases_by_source", Map.of("from", m, "to", m)),
                q.run("vehicle_activity", Map.of("from", m, "to", last.toString(), "vehicle_type", "ALL")),
                q.run("sensor_status", days),
                q.run("sensor_alarms", days),
                q.clickHouse().query("SELECT code, geometry FROM grids FINAL WHERE geometry != ''", Map.of()));
    }
}
