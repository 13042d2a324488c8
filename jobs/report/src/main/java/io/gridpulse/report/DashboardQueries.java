package io.gridpulse.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard questions of {@code sql/dashboards} (shipped in the clickhouse jar under {@code
 * gridpulse/sql/dashboards}), loaded once and run with validated parameters. The list of names is
 * fixed here, so a request can only ever name one of these files. Thread-safe.
 */
public final class DashboardQueries {

    /** Every dashboard question, in the order the cookbook and the benchmark list them. */
    public static final List<String> NAMES = List.of(
            "cases_by_area",
            "cases_by_category",
            "cases_by_source",
            "cases_by_department",
            "dept_ranking",
            "centre_overview",
            "trend_monthly",
            "hotspot_grids",
            "frequent_problems",
            "overdue_open",
            "alerts_recent",
            "vehicle_activity",
            "sensor_status",
            "sensor_alarms");

    private final ClickHouseHttp clickHouse;
    private final Map<String, DashboardQuery> queries;

    public DashboardQueries(ClickHouseHttp clickHouse) {
        this.clickHouse = clickHouse;
        this.queries = loadAll();
    }

    public static Map<String, DashboardQuery> loadAll() {
        Map<String, DashboardQuery> out = new LinkedHashMap<>();
        for (String n : NAMES) {
            out.put(n, DashboardQuery.parse(n, resource("gridpulse/sql/dashboards/" + n + ".sql")));
        }
        return out;
    }

    static String resource(String path) {
        try (InputStream in = DashboardQueries.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> names() {
        return queries.keySet();
    }

    public DashboardQuery query(String name) {
        DashboardQuery q = queries.get(name);
        if (q == null) {
            throw new IllegalArgumentException("no dashboard query '" + name + "' (known: " + queries.keySet() + ")");
        }
        return q;
    }

    /** Validates the raw parameters and runs the query. */
    public Table run(String name, Map<String, String> rawParams) throws IOException {
        DashboardQuery q = query(name);
        Map<String, String> bound = q.bind(rawParams);
        try {
            return clickHouse.query(q.body(), bound);
        } catch (ClickHouseHttp.QueryFailedException e) {
            throw e.withContext("dashboard query " + name
                    + (e.missingTable() ? " reads a view this database does not have yet" : ""));
        }
    }

    public ClickHouseHttp clickHouse() {
        return clickHouse;
    }
}
