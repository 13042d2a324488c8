package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.flink.cases.workflow.InjectedFailure;
import io.gridpulse.stack.Endpoints;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case workflow through `process` on the real broker and ClickHouse at parallelism 2: one
 * case_facts row per case and one dispatch_facts row per DISPATCHED (counted independently from
 * the raw case_events), and idempotent upserts: the same input processed again into the same
 * database, or processed with a failure and a restart from a checkpoint, leaves the same FINAL
 * contents as one clean run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseWorkflowIT {

    @TempDir
    static Path city;

    private Endpoints endpoints;
    private ClickHouseSettings clean;
    private List<Long> firstRun;
    private List<Long> secondRun;
    private ClickHouseSettings restarted;
    private RunReport restartedReport;

    @BeforeAll
    void processTheCityThreeTimes() throws Exception {
        // enough events that a checkpoint completes before the injected failure
        DemoCity.generate(DemoOptions.small().toBuilder().cases(2000).build(), city);
        endpoints = SharedStack.endpoints();
        clean = SharedStack.freshDatabase("gp_it_workflow");
        ProcessCommand.process(options(), endpoints, clean, System.err);
        firstRun = contents(clean);
        ProcessCommand.process(options(), endpoints, clean, System.err);
        secondRun = contents(clean);

        restarted = SharedStack.freshDatabase("gp_it_workflow_restart");
        System.setProperty(InjectedFailure.PROPERTY, "3000");
        System.setProperty(LocalRun.CHECKPOINT_MILLIS_PROPERTY, "200");
        try {
            InjectedFailure.rearm();
            restartedReport = ProcessCommand.process(options(), endpoints, restarted, System.err);
        } finally {
            System.clearProperty(InjectedFailure.PROPERTY);
            System.clearProperty(LocalRun.CHECKPOINT_MILLIS_PROPERTY);
        }
    }

    private ProcessOptions options() {
        return new ProcessOptions(
                city.resolve("cases.jsonl"), null, null, DemoCityFiles.reference(city), null, false, 2);
    }

    private static long scalar(ClickHouseSettings ch, String sql) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql.replace("DB.", ch.database() + "."))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Row counts and order-independent hashes of every column of both tables, read with FINAL. */
    private static List<Long> contents(ClickHouseSettings ch) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String table : new String[] {"case_facts", "dispatch_facts"}) {
            out.add(scalar(ch, "SELECT count() FROM DB." + table + " FINAL"));
            out.add(scalar(ch, "SELECT groupBitXor(cityHash64(*)) FROM DB." + table + " FINAL"));
            out.add(scalar(ch, "SELECT sum(cityHash64(*)) FROM DB." + table + " FINAL"));
        }
        return out;
    }

    @Test
    void oneCaseRowPerCaseAndOneDispatchRowPerDispatched() throws Exception {
        long reportedCases =
                scalar(clean, "SELECT uniqExact(case_id) FROM DB.case_events FINAL WHERE type = 'REPORTED'");
        assertThat(reportedCases).isGreaterThan(1000);
        assertThat(scalar(clean, "SELECT count() FROM DB.case_facts FINAL WHERE reported_at IS NOT NULL"))
                .isEqualTo(reportedCases);
        assertThat(scalar(clean, "SELECT count() FROM DB.case_facts FINAL"))
                .isEqualTo(scalar(clean, "SELECT uniqExact(case_id) FROM DB.case_events FINAL"));
        long dispatched = scalar(clean, "SELECT count() FROM DB.case_events FINAL WHERE type = 'DISPATCHED'");
        assertThat(dispatched).isPositive();
        assertThat(scalar(clean, "SELECT count() FROM DB.dispatch_facts FINAL")).isEqualTo(dispatched);
        // each row's version is the number of its case's distinct events
        assertThat(scalar(
                        clean,
                        "SELECT count() FROM DB.case_facts AS f FINAL JOIN (SELECT case_id, count() AS n FROM"
                                + " DB.case_events FINAL GROUP BY case_id) AS e ON f.case_id = e.case_id"
                                + " WHERE f.version != e.n"))
                .isZero();
        assertThat(scalar(clean, "SELECT countIf(grid_code != '') FROM DB.dispatch_facts FINAL"))
                .isPositive();
        // a case's category, once reported, gives every dispatch a catalogue deadline
        assertThat(scalar(
                        clean,
                        "SELECT countIf(deadline IS NULL) FROM DB.dispatch_facts FINAL WHERE category_code != ''"))
                .isZero();
    }

    @Test
    void processingTheSameInputAgainChangesNothing() {
        assertThat(secondRun).isEqualTo(firstRun);
    }

    @Test
    void aRestartFromACheckpointGivesTheRowsOfACleanRun() throws Exception {
        assertThat(restartedReport.result().restarts())
                .as("the injected failure restarted the job")
                .isPositive();
        assertThat(contents(restarted)).isEqualTo(firstRun);
    }
}
