package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real local stack: a Kafka broker and a ClickHouse server as detached processes, in a home of its own under
 * target/ (so its own ports), with the machine-wide engine cache. Stopped in {@link #stopEverything()} whatever
 * happens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final String TOPIC = "it.roundtrip";
    private static final int ONE_MB = 1024 * 1024;

    private static StackPaths paths;
    private static LocalStack stack;
    private static Endpoints endpoints;

    @BeforeAll
    static void startStack() throws Exception {
        Path home = Path.of("target", "it-home").toAbsolutePath();
        ClickHouseEngine.deleteTree(home);
        paths = new StackPaths(home, StackPaths.fromEnvironment().cache());
        stack = new LocalStack(paths);
        long t0 = System.nanoTime();
        endpoints = stack.start(System.err);
        figure("first start of the stack (both servers)", t0);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.stop();
            assertThat(stack.status()).noneMatch(ServerStatus::running);
        }
    }

    @Test
    @Order(1)
    void bothServersRunDetachedOnLoopback() {
        assertThat(endpoints.local()).isTrue();
        assertThat(endpoints.kafkaBootstrap()).startsWith("127.0.0.1:");
        assertThat(endpoints.clickhouseUrl()).startsWith("http://127.0.0.1:");
        for (ServerStatus s : stack.status()) {
            assertThat(s.running()).as(s.line()).isTrue();
            assertThat(ProcessHandle.of(s.pid()).flatMap(ProcessHandle::parent))
                    .as("%s is this JVM's child until this JVM exits", s.name())
                    .map(ProcessHandle::pid)
                    .contains(ProcessHandle.current().pid());
            System.err.println("FIGURE status: " + s.line());
        }
    }

    @Test
    @Order(2)
    void aRecordOfOneMegabyteGoesThroughTheRealBroker() {
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            assertThat(topics.ensure(List.of(TOPIC), 2, (short) 1)).containsExactly(TOPIC);
            assertThat(topics.ensure(List.of(TOPIC), 2, (short) 1))
                    .as("second ensure")
                    .isEmpty();
            assertThat(topics.ensureProjectTopics(KafkaBrokerConfig.DEFAULT_PARTITIONS))
                    .containsExactlyInAnyOrderElementsOf(KafkaTopics.PROJECT_TOPICS);
            assertThat(topics.names()).contains(TOPIC).containsAll(KafkaTopics.PROJECT_TOPICS);
        }
        String big = "x".repeat(ONE_MB);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.kafkaBootstrap(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                2 * ONE_MB,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, "case-1", "{\"eventId\":\"e1\"}"));
            producer.send(new ProducerRecord<>(TOPIC, "case-2", big));
            producer.flush();
        }
        List<ConsumerRecord<String, String>> records = consumeAll(2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("case-1", "case-2");
        assertThat(records)
                .filteredOn(r -> r.key().equals("case-2"))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).hasSize(ONE_MB));
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            Map<Integer, Long> offsets = topics.latestOffsets(TOPIC);
            assertThat(offsets).containsOnlyKeys(0, 1);
            assertThat(offsets.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(2);
        }
    }

    @Test
    @Order(3)
    void clickHouseIsCurrentAndKeepsMergeTreeRows() {
        ClickHouseHttp ch = new ClickHouseHttp(endpoints);
        String version = ch.version();
        System.err.println("FIGURE clickhouse version " + version);
        assertThat(Integer.parseInt(version.substring(0, version.indexOf('.')))).isGreaterThanOrEqualTo(24);
        ch.query("CREATE DATABASE IF NOT EXISTS it");
        ch.query("CREATE TABLE it.events (id UInt32, seen DateTime64(3, 'Asia/Shanghai'), grid LowCardinality(String))"
                + " ENGINE = MergeTree ORDER BY id");
        ch.query(
                "INSERT INTO it.events VALUES (1, '2026-03-01 08:00:00.125', '东城-01'), (2, '2026-03-01 09:30:00', 'B')");
        assertThat(ch.query("SELECT id, seen, grid FROM it.events ORDER BY id FORMAT TSV"))
                .isEqualTo("1\t2026-03-01 08:00:00.125\t东城-01\n2\t2026-03-01 09:30:00.000\tB\n");
    }

    @Test
    @Order(4)
    void startingAgainReusesTheRunningServers() {
        List<Long> pids = stack.status().stream().map(ServerStatus::pid).toList();
        assertThat(stack.start(System.err)).isEqualTo(endpoints);
        assertThat(stack.status().stream().map(ServerStatus::pid).toList()).isEqualTo(pids);
    }

    @Test
    @Order(5)
    void anotherJvmStopsItAndDataSurvivesARestart() throws Exception {
        List<Long> pids = stack.status().stream().map(ServerStatus::pid).toList();
        assertThat(otherJvm("status")).isEqualTo(StackMain.OK);
        long t0 = System.nanoTime();
        assertThat(otherJvm("stop")).isEqualTo(StackMain.OK);
        figure("stop of the stack from another JVM", t0);
        assertThat(pids)
                .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(paths.kafka().pidFile()).doesNotExist();
        assertThat(paths.clickhouse().pidFile()).doesNotExist();
        assertThat(otherJvm("status")).isEqualTo(StackMain.NOT_RUNNING);
        assertThat(stack.endpoints()).isEmpty();

        t0 = System.nanoTime();
        ServerStatus kafka = stack.kafka().start(System.err);
        figure("Kafka start (formatted before)", t0);
        t0 = System.nanoTime();
        ServerStatus clickhouse = stack.clickhouse().start(System.err);
        figure("ClickHouse start (engine cached)", t0);
        System.err.println("FIGURE status after restart: " + kafka.line() + " | " + clickhouse.line());
        Endpoints again = stack.start(System.err);

        assertThat(new ClickHouseHttp(again).query("SELECT count(), max(grid) FROM it.events FORMAT TSV"))
                .isEqualTo("2\t东城-01\n");
        assertThat(consumeAll(2, again)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("case-1", "case-2");
        try (KafkaTopics topics = new KafkaTopics(again.kafkaBootstrap())) {
            topics.delete(List.of(TOPIC));
            assertThat(topics.names()).doesNotContain(TOPIC).containsAll(KafkaTopics.PROJECT_TOPICS);
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(int expected) {
        return consumeAll(expected, endpoints);
    }

    private static List<ConsumerRecord<String, String>> consumeAll(int expected, Endpoints at) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, at.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1)));
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    /** Runs {@code stack <command>} in a JVM of its own, with this test's home and no external endpoints. */
    private static int otherJvm(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        LocalKafka.classPath(),
                        StackMain.class.getName(),
                        command)
                .redirectErrorStream(true);
        Path log = paths.stackDir().resolve("other-jvm-" + command + ".log");
        pb.redirectOutput(log.toFile());
        pb.environment().remove(Endpoints.KAFKA_BOOTSTRAP_SERVERS);
        pb.environment().remove(Endpoints.CLICKHOUSE_URL);
        pb.environment().put(StackPaths.HOME_ENV, paths.home().toString());
        pb.environment().put(StackPaths.CACHE_ENV, paths.cache().toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.err.println("other JVM `stack " + command + "`:" + File.separator + "\n"
                + Files.readString(log, StandardCharsets.UTF_8));
        return p.exitValue();
    }

    private static void figure(String what, long startNanos) {
        System.err.printf("FIGURE %s: %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }
}
