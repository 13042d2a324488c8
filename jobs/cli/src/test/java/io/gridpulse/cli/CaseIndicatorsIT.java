package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.flink.cases.workflow.InjectedFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicators end to end (issue 3, "What must show"): a generated feed of 3,200 cases reported
 * from 20 September to 12 November (two month boundaries, the National Day holiday, make-up
 * working days) with every workflow path, GCJ-02 points, late, disordered and redelivered lines
 * goes through the whole `process` pipeline (real Kafka and ClickHouse, parallelism 2) as of 10
 * November 18:00, and every contract view equals, row by row, what {@link IndicatorOracle} computes
 * with a plain loop over the same lines. The same events delivered again, every line twice, in
 * another order, into a fresh database give the same views, and so does a run that fails halfway
 * and restarts from a checkpoint (the workflow job's test-only {@link InjectedFailure}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseIndicatorsIT {

    private static final long FROM = at("2026-09-20T00:00:00+08:00");
    private static final long TO = at("2026-11-12T00:00:00+08:00");
    private static final long AS_OF = at("2026-11-10T18:00:00+08:00");
    private static final long HORIZON = at("2026-11-14T00:00:00+08:00");
    private static final int CASES = 3200;

    private static final String DEPT_COUNTS =
            "dispatched, returned, due, disposed, disposed_on_time, disposed_late, overdue_open, reworked, postponed";
    private static final String DEPT_RATES =
            "disposal_rate, on_time_rate, rework_rate, return_rate, postpone_rate, overdue_rate";

    @TempDir
    static Path dir;

    private Path city;
    private CaseFeedGenerator.Feed feed;
    private List<String> firstDelivery;
    private ClickHouseSettings first;
    private IndicatorOracle oracle;

    @BeforeAll
    void processTheFeed() throws Exception {
        city = dir.resolve("city");
        DemoCity.generate(
                DemoOptions.small().toBuilder().cases(0).vehicles(0).sensors(0).build(), city);
        feed = new CaseFeedGenerator(city, 3, HORIZON).generate(CASES, FROM, TO);
        firstDelivery = CaseFeedGenerator.deliver(feed.events(), 11, 0.10, 0.03);
        first = run("gp_it_ind", firstDelivery);
        oracle = new IndicatorOracle(city).compute(firstDelivery, feed.gridOfReport(), AS_OF);
    }

    private ClickHouseSettings run(String prefix, List<String> lines) throws Exception {
        ClickHouseSettings ch = SharedStack.freshDatabase(prefix);
        run(ch, prefix, lines);
        return ch;
    }

    private RunReport run(ClickHouseSettings ch, String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name + ".jsonl");
        Files.write(file, lines);
        ProcessOptions options = new ProcessOptions(file, null, null, DemoCityFiles.reference(city), AS_OF, false, 2);
        return ProcessCommand.process(options, SharedStack.endpoints(), ch, System.err);
    }

    private static long at(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    // ---- the contract views against the oracle ----

    @Test
    void deptMonthlyEqualsTheOracleRowByRow() throws Exception {
        Map<String, long[]> actual = counts(first, "dept_monthly", "month, department", DEPT_COUNTS);
        assertThat(render(actual)).isEqualTo(render(oracle.dept));
        for (List<Object> r : table(
                first, "SELECT month, department, " + DEPT_COUNTS + ", " + DEPT_RATES + " FROM {db}.dept_monthly")) {
            long[] c = oracle.dept.get(r.get(0) + "|" + r.get(1));
            long dispatched = c[0], returned = c[1], due = c[2], disposed = c[3], onTime = c[4];
            long overdue = c[6], reworked = c[7], postponed = c[8];
            assertRate(r.get(11), disposed, due);
            assertRate(r.get(12), onTime, due);
            assertRate(r.get(13), reworked, disposed);
            assertRate(r.get(14), returned, dispatched);
            assertRate(r.get(15), postponed, due);
            assertRate(r.get(16), overdue, due);
        }
    }

    @Test
    void centreMonthlyEqualsTheOracleRowByRow() throws Exception {
        Map<String, long[]> actual =
                counts(first, "centre_monthly", "month", "reported, registered, cancelled, closed");
        assertThat(render(actual)).isEqualTo(render(oracle.centre));
        for (List<Object> r : table(first, "SELECT month, closure_rate FROM {db}.centre_monthly")) {
            long[] c = oracle.centre.get(String.valueOf(r.get(0)));
            assertRate(r.get(1), c[3], c[1]);
        }
    }

    @Test
    void sourceMonthlyEqualsTheOracleRowByRow() throws Exception {
        assertThat(render(counts(first, "source_monthly", "month, source", "reported")))
                .isEqualTo(render(oracle.source));
    }

    @Test
    void gridMonthlyEqualsTheOracleRowByRow() throws Exception {
        assertThat(render(counts(first, "grid_monthly", "month, grid_code, category_code", "reported")))
                .isEqualTo(render(oracle.grid));
    }

    @Test
    void theFeedExercisesEveryPath() throws Exception {
        long[] total = new long[9];
        oracle.dept.values().forEach(c -> {
            for (int i = 0; i < 9; i++) {
                total[i] += c[i];
            }
        });
        assertThat(total[1]).as("returned").isPositive();
        assertThat(total[2]).as("due below dispatched").isLessThan(total[0]);
        assertThat(total[4]).as("on time").isPositive();
        assertThat(total[5]).as("late").isPositive();
        assertThat(total[6]).as("overdue at the as-of time").isPositive();
        assertThat(total[7]).as("reworked").isPositive();
        assertThat(total[8]).as("postponed").isPositive();
        assertThat(oracle.centre.keySet()).containsExactly("2026-09-01", "2026-10-01", "2026-11-01");
        assertThat(oracle.centre.values().stream().mapToLong(c -> c[0]).sum()).isGreaterThanOrEqualTo(3000);
        assertThat(firstDelivery).anyMatch(l -> l.contains("\"GCJ02\""));
        assertThat(limitUnitsReported()).containsExactlyInAnyOrder("h", "wh", "wd");
        // the edge cases of `due`, as the job wrote them
        String facts = "SELECT count() FROM {db}.dispatch_facts FINAL WHERE ";
        assertThat(scalar(first, facts + "suspended = 1"))
                .as("suspended at the as-of time")
                .isPositive();
        assertThat(scalar(first, facts + "end_time IS NOT NULL AND first_disposed_at IS NOT NULL AND disposed = 0"))
                .as("ended while reworked")
                .isPositive();
        assertThat(scalar(first, facts + "end_reason = 'REDISPATCHED' AND disposed = 1"))
                .as("disposed, then redispatched")
                .isPositive();
        assertThat(scalar(first, facts + "deadline_source = 'REWORK'"))
                .as("rework with a deadline")
                .isPositive();
        assertThat(scalar(first, facts + "total_suspended_ms > 0 AND suspended = 0"))
                .as("resumed")
                .isPositive();
        assertThat(firstDelivery.size()).isGreaterThan(feed.events().size());
        assertThat(feed.events()).anyMatch(l -> l.time() > AS_OF);
    }

    @Test
    void inspectorMonthlyEqualsTheOracleRowByRow() throws Exception {
        assertThat(render(counts(
                        first,
                        "inspector_monthly",
                        "month, inspector_id",
                        "reports, verifications, verified_on_time, checks, checked_on_time")))
                .isEqualTo(render(oracle.inspector));
        assertThat(oracle.inspector.values().stream()
                        .mapToLong(c -> c[2] * c[4])
                        .sum())
                .isPositive();
    }

    @Test
    void rollupsAddUpToTheContractViews() throws Exception {
        String centre = "SELECT month, sum(reported), sum(registered), sum(cancelled), sum(closed)";
        String dept = "SELECT month, " + sums(DEPT_COUNTS);
        String expectedCentre = centre + " FROM {db}.centre_monthly GROUP BY month ORDER BY month";
        String expectedDept = dept + " FROM {db}.dept_monthly GROUP BY month ORDER BY month";
        for (String level : List.of("district", "street", "community")) {
            String where = " FROM {db}.area_monthly WHERE level = '" + level + "' AND ";
            assertThat(table(first, centre + where + "reported > 0 GROUP BY month ORDER BY month"))
                    .as(level)
                    .isEqualTo(table(first, expectedCentre));
            assertThat(table(first, dept + where + "dispatched > 0 GROUP BY month ORDER BY month"))
                    .as(level)
                    .isEqualTo(table(first, expectedDept));
        }
        assertThat(scalar(first, "SELECT uniqExact(district) FROM {db}.area_monthly WHERE level = 'district'"))
                .isGreaterThan(1);
        String byCategory = " FROM {db}.category_monthly WHERE ";
        assertThat(table(first, centre + byCategory + "reported > 0 GROUP BY month ORDER BY month"))
                .isEqualTo(table(first, expectedCentre));
        assertThat(table(first, dept + byCategory + "dispatched > 0 GROUP BY month ORDER BY month"))
                .isEqualTo(table(first, expectedDept));
        assertThat(scalar(first, "SELECT countIf(name = '') FROM {db}.category_monthly"))
                .isZero();
    }

    private static String sums(String columns) {
        return java.util.Arrays.stream(columns.split(","))
                .map(c -> "sum(" + c.strip() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The time-limit units of the categories the feed reports. */
    private java.util.Set<String> limitUnitsReported() throws Exception {
        Map<String, String> unitOf = new TreeMap<>();
        List<String> catalog = Files.readAllLines(city.resolve("catalog.csv"));
        for (String l : catalog.subList(1, catalog.size())) {
            String[] f = l.split(",");
            unitOf.put(f[0], f[5].replaceAll("[0-9]", ""));
        }
        java.util.Set<String> units = new java.util.TreeSet<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (CaseFeedGenerator.Line l : feed.events()) {
            var n = json.readTree(l.json());
            if (n.get("type").asText().equals("REPORTED")) {
                units.add(unitOf.get(n.get("categoryCode").asText()));
            }
        }
        return units;
    }

    // ---- as-of ----

    @Test
    void nothingAfterTheAsOfTimeCountsAndNoDeadlineAfterItIsOverdue() throws Exception {
        String asOf = "toDateTime64('2026-11-10 18:00:00', 3, 'Asia/Shanghai')";
        assertThat(scalar(first, "SELECT max(as_of) = " + asOf + " FROM {db}.as_of_time WHERE scope = 'cases'"))
                .isEqualTo(1);
        assertThat(scalar(first, "SELECT count() FROM {db}.dispatch_facts FINAL WHERE start > " + asOf))
                .isZero();
        assertThat(scalar(first, "SELECT count() FROM {db}.case_facts FINAL WHERE last_event_time > " + asOf))
                .isZero();
        // open dispatches whose deadline is still ahead exist, and none of them is overdue
        assertThat(scalar(
                        first,
                        "SELECT count() FROM {db}.dispatch_facts FINAL WHERE end_time IS NULL"
                                + " AND disposed = 0 AND deadline > " + asOf))
                .isPositive();
        assertThat(scalar(
                        first,
                        "SELECT count() FROM {db}.dispatch_indicators WHERE is_overdue AND NOT ("
                                + "dispatch_id IN (SELECT dispatch_id FROM {db}.dispatch_facts FINAL WHERE deadline < "
                                + asOf + "))"))
                .isZero();
    }

    // ---- composite scores ----

    @Test
    void scoresFollowTheConfiguredWeights() throws Exception {
        assertScores(new double[] {30, 20, 20, 20, 10}, 10);
        Path f = dir.resolve("assessment.csv");
        Files.writeString(f, "key,value\nweight_on_time_rate,60\nmin_due,3\n");
        Map<String, String> before = scores();
        AssessmentFile.read(f).write(first);
        try {
            assertThat(scores()).isNotEqualTo(before);
            assertScores(new double[] {30, 60, 20, 20, 10}, 3);
        } finally {
            Files.writeString(f, "key,value\nweight_on_time_rate,20\nmin_due,10\n");
            AssessmentFile.read(f).write(first);
        }
    }

    private Map<String, String> scores() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (List<Object> r : table(first, "SELECT month, department, score, rank FROM {db}.dept_scores")) {
            out.put(r.get(0) + "|" + r.get(1), r.get(2) + "|" + r.get(3));
        }
        return out;
    }

    /** Score, grade and listing of every department-month, computed from the oracle's counts. */
    private void assertScores(double[] w, long minDue) throws Exception {
        List<List<Object>> rows =
                table(first, "SELECT month, department, score, grade, listed_apart, rank FROM {db}.dept_scores");
        assertThat(rows).hasSize(oracle.dept.size());
        Map<String, List<Double>> rankedScores = new TreeMap<>();
        for (List<Object> r : rows) {
            long[] c = oracle.dept.get(r.get(0) + "|" + r.get(1));
            long due = c[2], disposed = c[3];
            String apart = due < minDue ? "FEW_DUE" : disposed == 0 ? "NULL_RATE" : "";
            assertThat(r.get(4)).as("listed_apart of %s", r).isEqualTo(apart);
            if (disposed == 0) {
                assertThat(r.get(2)).as("score of %s", r).isNull();
                continue;
            }
            double score = 100
                    * (w[0] * disposed / due
                            + w[1] * c[4] / (double) due
                            + w[2] * (1 - c[7] / (double) disposed)
                            + w[3] * (1 - c[6] / (double) due)
                            + w[4] * (1 - c[8] / (double) due))
                    / (w[0] + w[1] + w[2] + w[3] + w[4]);
            assertThat((Double) r.get(2)).as("score of %s", r).isCloseTo(score, within(1e-5));
            String grade = score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : score >= 40 ? "D" : "E";
            assertThat(r.get(3)).as("grade of %s", r).isEqualTo(grade);
            if (apart.isEmpty()) {
                rankedScores
                        .computeIfAbsent(String.valueOf(r.get(0)), k -> new ArrayList<>())
                        .add((Double) r.get(2));
            } else {
                assertThat(r.get(5)).as("rank of %s", r).isNull();
            }
        }
        assertThat(rankedScores).isNotEmpty();
        for (List<Object> r : rows) {
            if (r.get(5) != null) {
                long better = rankedScores.get(String.valueOf(r.get(0))).stream()
                        .filter(s -> s > (Double) r.get(2))
                        .count();
                assertThat(((Number) r.get(5)).longValue()).as("rank of %s", r).isEqualTo(better + 1);
            }
        }
    }

    // ---- the same events again ----

    @Test
    void theSameEventsTwiceInAnotherOrderGiveTheSameViews() throws Exception {
        List<String> twice = new ArrayList<>(firstDelivery);
        twice.addAll(firstDelivery);
        Collections.shuffle(twice, new Random(99));
        ClickHouseSettings second = run("gp_it_ind2", twice);
        assertSameContractViews(second);
    }

    @Test
    void aRunRestartedFromACheckpointGivesTheSameViews() throws Exception {
        ClickHouseSettings restarted = SharedStack.freshDatabase("gp_it_ind_restart");
        System.setProperty(InjectedFailure.PROPERTY, String.valueOf(firstDelivery.size() / 4));
        System.setProperty(LocalRun.CHECKPOINT_MILLIS_PROPERTY, "200");
        RunReport report;
        try {
            InjectedFailure.rearm();
            report = run(restarted, "gp_it_ind_restart", firstDelivery);
        } finally {
            System.clearProperty(InjectedFailure.PROPERTY);
            System.clearProperty(LocalRun.CHECKPOINT_MILLIS_PROPERTY);
        }
        assertThat(report.result().restarts())
                .as("the injected failure restarted the job")
                .isPositive();
        assertSameContractViews(restarted);
    }

    private void assertSameContractViews(ClickHouseSettings other) throws Exception {
        for (String view : List.of("dept_monthly", "centre_monthly", "source_monthly", "grid_monthly")) {
            String sql = "SELECT * FROM {db}." + view + " ORDER BY ALL";
            assertThat(table(other, sql)).as(view).isEqualTo(table(first, sql));
        }
    }

    // ---- helpers ----

    private static void assertRate(Object actual, long num, long den) {
        if (den == 0) {
            assertThat(actual).isNull();
        } else {
            assertThat((Double) actual).isCloseTo(num / (double) den, within(1e-12));
        }
    }

    private static Map<String, String> render(Map<String, long[]> rows) {
        return rows.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> java.util.Arrays.toString(e.getValue()), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, long[]> counts(ClickHouseSettings ch, String view, String keys, String values)
            throws Exception {
        int k = keys.split(",").length;
        Map<String, long[]> out = new TreeMap<>();
        for (List<Object> r : table(ch, "SELECT " + keys + ", " + values + " FROM {db}." + view)) {
            String key = r.subList(0, k).stream().map(String::valueOf).collect(Collectors.joining("|"));
            long[] v = new long[r.size() - k];
            for (int i = k; i < r.size(); i++) {
                v[i - k] = ((Number) r.get(i)).longValue();
            }
            assertThat(out.put(key, v))
                    .as("one row per key in %s: %s", view, key)
                    .isNull();
        }
        return out;
    }

    private static List<List<Object>> table(ClickHouseSettings ch, String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql.replace("{db}", ch.database()))) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof java.sql.Date || v instanceof java.time.LocalDate ? v.toString() : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static long scalar(ClickHouseSettings ch, String sql) throws Exception {
        return ((Number) table(ch, sql).get(0).get(0)).longValue();
    }
}
