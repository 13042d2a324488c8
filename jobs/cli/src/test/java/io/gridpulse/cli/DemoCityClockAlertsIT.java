package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.domain.reference.Catalog;
import io.gridpulse.domain.reference.Category;
import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.CaseStateMachine;
import io.gridpulse.domain.workflow.CaseTimeline;
import io.gridpulse.domain.workflow.CategoryLimits;
import io.gridpulse.domain.workflow.Dispatch;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline clock's alerts through `process` on the real broker and ClickHouse at parallelism
 * 2, on the small demo city's case feed (redeliveries, disorder, bad lines) standing as of the
 * middle of the month: each alert_id is one row, the topic carries exactly the table's ids,
 * nothing fires after the as-of time, and every dispatch overdue at the as-of time (replayed here
 * from the stored events with CaseStateMachine) has its OVERDUE alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCityClockAlertsIT {

    @TempDir
    static Path city;

    private static final long AS_OF =
            OffsetDateTime.parse("2026-10-20T15:30:00+08:00").toInstant().toEpochMilli();

    private ClickHouseSettings ch;
    private final Set<String> topicIds = new HashSet<>();
    private long topicMessages;

    @BeforeAll
    void processTheSmallCityAsOfMidMonth() throws Exception {
        DemoCity.generate(DemoOptions.small(), city);
        Endpoints endpoints = SharedStack.endpoints();
        ch = SharedStack.freshDatabase("gp_it_clock_alerts");
        Map<Integer, Long> before;
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.ensure(ProcessCommand.allTopics(), 2, (short) 1);
            before = topics.latestOffsets(Feed.ALERTS_TOPIC);
        }
        ProcessOptions options = new ProcessOptions(
                city.resolve("cases.jsonl"), null, null, DemoCityFiles.reference(city), AS_OF, false, 2);
        ProcessCommand.process(options, endpoints, ch, System.err);
        Map<Integer, Long> after;
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            after = topics.latestOffsets(Feed.ALERTS_TOPIC);
        }
        readTopic(endpoints, before, after);
    }

    private void readTopic(Endpoints endpoints, Map<Integer, Long> from, Map<Integer, Long> to) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (Integer partition : to.keySet()) {
                parts.add(new TopicPartition(Feed.ALERTS_TOPIC, partition));
            }
            c.assign(parts);
            long remaining = 0;
            for (TopicPartition tp : parts) {
                long start = from.getOrDefault(tp.partition(), 0L);
                c.seek(tp, start);
                remaining += to.get(tp.partition()) - start;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (remaining > 0 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() < to.get(r.partition())) {
                        topicIds.add(new String(r.key(), StandardCharsets.UTF_8));
                        topicMessages++;
                        remaining--;
                    }
                }
            }
            assertThat(remaining).as("alerts topic messages not read").isZero();
        }
    }

    private List<List<String>> query(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Set<String> tableIds(String where) throws Exception {
        Set<String> ids = new HashSet<>();
        for (List<String> r : query("SELECT alert_id FROM " + ch.database() + ".alerts FINAL " + where)) {
            ids.add(r.get(0));
        }
        return ids;
    }

    @Test
    void everyAlertIdIsOneRowWithOrWithoutFinal() throws Exception {
        List<String> r = query("SELECT count(), uniqExact(alert_id), (SELECT count() FROM " + ch.database()
                        + ".alerts FINAL) FROM " + ch.database() + ".alerts")
                .get(0);
        System.err.println("alerts: rows " + r.get(0) + ", distinct ids " + r.get(1) + ", rows FINAL " + r.get(2)
                + ", by type "
                + query("SELECT type, count() FROM " + ch.database() + ".alerts FINAL GROUP BY type ORDER BY type"));
        assertThat(Long.parseLong(r.get(1))).isPositive();
        assertThat(r.get(0)).isEqualTo(r.get(1));
        assertThat(r.get(2)).isEqualTo(r.get(1));
    }

    @Test
    void theTopicCarriesExactlyTheTablesIds() throws Exception {
        assertThat(topicIds).isEqualTo(tableIds(""));
        assertThat(topicMessages)
                .as("at least once, and once per id without restarts")
                .isEqualTo(topicIds.size());
    }

    @Test
    void nothingAfterTheAsOfTimeFires() throws Exception {
        assertThat(query("SELECT count() FROM " + ch.database() + ".alerts WHERE time > fromUnixTimestamp64Milli("
                        + AS_OF + ")"))
                .containsExactly(List.of("0"));
    }

    @Test
    void everyDispatchOverdueAtTheAsOfTimeHasItsOverdueAlert() throws Exception {
        Catalog catalog = Catalog.parseCsv(Files.readAllBytes(city.resolve("catalog.csv")));
        CategoryLimits limits =
                code -> code == null ? Optional.empty() : catalog.category(code).map(Category::limit);
        WorkCalendar calendar = WorkCalendar.parse(Files.readAllBytes(city.resolve("calendar.json")));
        Map<String, CaseTimeline> cases = new HashMap<>();
        for (List<String> r : query("SELECT event_id, case_id, type, toUnixTimestamp64Milli(time), category_code,"
                + " department, toUnixTimestamp64Milli(deadline) FROM " + ch.database() + ".case_events FINAL")) {
            CaseEvent e = new CaseEvent(
                    r.get(0),
                    r.get(1),
                    CaseEventType.valueOf(r.get(2)),
                    Long.parseLong(r.get(3)),
                    null,
                    r.get(4).isEmpty() ? null : r.get(4),
                    null,
                    null,
                    null,
                    r.get(5).isEmpty() ? null : r.get(5),
                    r.get(6) == null ? null : Long.parseLong(r.get(6)),
                    null,
                    null,
                    null,
                    null);
            cases.computeIfAbsent(e.caseId(), k -> new CaseTimeline()).add(e);
        }
        Set<String> expected = new HashSet<>();
        for (CaseTimeline t : cases.values()) {
            CaseState s = CaseStateMachine.replay(t, limits, calendar, AS_OF);
            for (Dispatch d : s.dispatches()) {
                if (d.overdueAt(AS_OF)) {
                    expected.add(Alert.id(AlertType.OVERDUE, d.dispatchId(), d.deadline()));
                }
            }
        }
        Set<String> overdue = tableIds("WHERE type = 'OVERDUE'");
        System.err.println("dispatches overdue at as-of: " + expected.size() + ", OVERDUE alerts: " + overdue.size());
        assertThat(expected).isNotEmpty();
        assertThat(overdue).containsAll(expected);
    }
}
