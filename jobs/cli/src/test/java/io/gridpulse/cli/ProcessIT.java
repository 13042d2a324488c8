package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.KafkaTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * `process` end to end on the real broker and ClickHouse server at parallelism 2: a small demo
 * city's feeds (with redeliveries, disorder and bad lines of every kind) land as exactly the
 * distinct valid events in the raw tables and exactly the bad lines in `rejected`, by reason.
 * The generator's manifest is the oracle: it records what it made valid and what it made bad.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessIT {

    @TempDir
    static Path city;

    private ClickHouseSettings ch;
    private JsonNode manifest;
    private RunReport report;
    private long rejectedTopicGrowth;
    private String summary;

    @BeforeAll
    void processTheSmallCity() throws Exception {
        DemoCity.generate(DemoOptions.small(), city);
        manifest = new ObjectMapper().readTree(city.resolve("manifest.json").toFile());
        Endpoints endpoints = SharedStack.endpoints();
        ch = SharedStack.freshDatabase("gp_it_process");
        ProcessOptions options = new ProcessOptions(
                city.resolve("cases.jsonl"),
                city.resolve("vehicles.jsonl"),
                city.resolve("sensors.jsonl"),
                DemoCityFiles.reference(city),
                null,
                false,
                2);
        long before;
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.ensure(ProcessCommand.allTopics(), 2, (short) 1);
            before = total(topics.latestOffsets(Feed.REJECTED_TOPIC));
        }
        report = ProcessCommand.process(options, endpoints, ch, System.err);
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            rejectedTopicGrowth = total(topics.latestOffsets(Feed.REJECTED_TOPIC)) - before;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Summary.print(report, ch, new PrintStream(buf, true, StandardCharsets.UTF_8));
        summary = buf.toString(StandardCharsets.UTF_8);
    }

    private static long total(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private JsonNode feedStats(String file) {
        for (JsonNode n : manifest.findParents("file")) {
            if (n.get("file").asText().equals(file)) {
                return n;
            }
        }
        throw new AssertionError("manifest has no entry for " + file + ": " + manifest);
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Long> rejectedByReason(String feed) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT reason, count() FROM " + ch.database()
                        + ".rejected FINAL WHERE feed = '" + feed + "' GROUP BY reason")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Map<String, Long> expectedBad(JsonNode stats) {
        Map<String, Long> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stats.get("bad").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().asLong() > 0) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        }
        return out;
    }

    @Test
    void rawTablesHoldExactlyTheDistinctValidEvents() throws Exception {
        String db = ch.database();
        assertThat(scalar("SELECT count() FROM " + db + ".case_events FINAL"))
                .isEqualTo(feedStats("cases.jsonl").get("distinctValid").asLong())
                .isEqualTo(scalar("SELECT uniqExact(event_id) FROM " + db + ".case_events"));
        assertThat(scalar("SELECT count() FROM " + db + ".vehicle_positions FINAL"))
                .isEqualTo(feedStats("vehicles.jsonl").get("distinctValid").asLong());
        assertThat(scalar("SELECT count() FROM " + db + ".sensor_readings FINAL"))
                .isEqualTo(feedStats("sensors.jsonl").get("distinctValid").asLong());
    }

    @Test
    void rejectedHoldsExactlyTheBadLinesByReason() throws Exception {
        long expectedTotal = 0;
        for (String feed : new String[] {"cases", "vehicles", "sensors"}) {
            Map<String, Long> expected = expectedBad(feedStats(feed + ".jsonl"));
            assertThat(rejectedByReason(feed)).as("rejected %s by reason", feed).isEqualTo(expected);
            expectedTotal +=
                    expected.values().stream().mapToLong(Long::longValue).sum();
        }
        assertThat(expectedTotal).isPositive();
        // The topic is at least once: every rejection is there, a retry may add a copy.
        assertThat(rejectedTopicGrowth).isGreaterThanOrEqualTo(expectedTotal);
    }

    @Test
    void hourlyMetricsAddUpToTheRawEvents() throws Exception {
        String db = ch.database();
        assertThat(scalar("SELECT sum(reports) FROM " + db + ".case_hourly FINAL"))
                .isEqualTo(scalar("SELECT count() FROM " + db + ".case_events FINAL WHERE type = 'REPORTED'"));
        // hourly and daily metrics count the positions trajectory cleaning kept; with the dropped
        // ones they add up to the raw positions
        assertThat(scalar("SELECT sum(positions) FROM " + db + ".vehicle_hourly FINAL"))
                .isEqualTo(scalar("SELECT sum(positions) FROM " + db + ".vehicle_daily FINAL"));
        assertThat(scalar("SELECT sum(positions + dropped_same_time + dropped_too_fast + dropped_out_of_order) FROM "
                        + db + ".vehicle_daily FINAL"))
                .isEqualTo(scalar("SELECT count() FROM " + db + ".vehicle_positions FINAL"));
        assertThat(scalar("SELECT sum(readings) FROM " + db + ".sensor_hourly FINAL"))
                .isEqualTo(scalar("SELECT count() FROM " + db + ".sensor_readings FINAL"));
        assertThat(scalar("SELECT countIf(distance_km > 0) FROM " + db + ".vehicle_hourly FINAL"))
                .isPositive();
    }

    @Test
    void monthlyViewsCountEachCaseOnceAtItsFirstReport() throws Exception {
        String db = ch.database();
        long cases = scalar("SELECT uniqExact(case_id) FROM " + db + ".case_events FINAL WHERE type = 'REPORTED'");
        assertThat(cases).isPositive();
        assertThat(scalar("SELECT sum(reported) FROM " + db + ".grid_monthly")).isEqualTo(cases);
        assertThat(scalar("SELECT sum(reported) FROM " + db + ".source_monthly"))
                .isEqualTo(cases);
        // Most demo reports fall inside a grid; the ones outside keep the empty code.
        assertThat(scalar("SELECT sumIf(reported, grid_code != '') FROM " + db + ".grid_monthly"))
                .isGreaterThan(cases / 2);
    }

    @Test
    void summaryNamesFeedsReasonsAndBusiestGrids() {
        assertThat(summary).contains("cases", "vehicles", "sensors", "rejected by reason", "busiest grids");
        assertThat(report.result().feeds().get(Feed.CASES).valid())
                .isEqualTo(feedStats("cases.jsonl").get("distinctValid").asLong());
    }

    @Test
    void clickHouseIsACurrentEngine() throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            assertThat(Integer.parseInt(rs.getString(1).split("\\.")[0])).isGreaterThanOrEqualTo(24);
        }
    }
}
