package io.gridpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Migrations;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.Environments;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.PhoneKey;
import io.gridpulse.flink.alerts.deadline.AlertSettings;
import io.gridpulse.flink.alerts.deadline.CaseClockAlerts;
import io.gridpulse.flink.cases.CaseIngestJob;
import io.gridpulse.flink.common.FeedDecoders;
import io.gridpulse.flink.common.FeedDeserializer;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.FeedSource;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.ReferencePaths;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.KafkaTopics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./gridpulse bench alerts}: a benchmark, not a test; prints its figures.
 *
 * <ol>
 *   <li><b>Latency</b>: the live cases job (Kafka to Kafka: decode, deduplicate, locate, deadline
 *       clock, CEP) runs on a local MiniCluster; {@code --deadlines N} cases (default 200) are
 *       published once, each dispatched with an explicit deadline {@code --spacing-ms} apart
 *       (default 1000) starting 20 s later, and then the feed stays quiet. Prints p50, p99 and max
 *       of the delay from each deadline (wall clock) to its OVERDUE on the alerts topic.
 *   <li><b>Throughput</b>: the demo city's case feed (13,000 cases) through the bounded cases job,
 *       once without and once with the alerting, sinks discarded so the figures are Flink's work;
 *       prints case events per second and the alerting's cost per event.
 * </ol>
 */
final class AlertBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertBench() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int deadlines = 200;
        long spacing = 1000;
        boolean latency = true;
        boolean throughput = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--deadlines" -> deadlines = Integer.parseInt(args[++i]);
                case "--spacing-ms" -> spacing = Long.parseLong(args[++i]);
                case "--latency-only" -> throughput = false;
                case "--throughput-only" -> latency = false;
                default ->
                    throw new IllegalArgumentException("bench alerts: unknown option " + args[i]
                            + " (--deadlines N, --spacing-ms MS, --latency-only, --throughput-only)");
            }
        }
        Endpoints endpoints = Connections.endpoints(true, err);
        ClickHouseSettings ch = Connections.clickHouse(endpoints).withDatabase("gridpulse_bench");
        Migrations.apply(ch);
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.ensure(ProcessCommand.allTopics(), 2, (short) 1);
        }
        Path cityDir = DemoCityFiles.ensure(err);
        ReferencePaths paths = DemoCityFiles.reference(cityDir);
        ReferenceData reference = ReferenceData.read(paths);
        if (latency) {
            latency(endpoints, ch, paths, reference, deadlines, spacing, out, err);
        }
        if (throughput) {
            throughput(endpoints, ch, cityDir, reference, out, err);
        }
        return 0;
    }

    private static JobSettings settings(Endpoints e, ClickHouseSettings ch, JobSettings.Mode mode, long asOf) {
        return new JobSettings(
                e.kafkaBootstrap(),
                Map.of(),
                ch,
                mode,
                asOf,
                JobSettings.DEFAULT_ALLOWED_LATENESS,
                mode == JobSettings.Mode.LIVE ? JobSettings.DEFAULT_OUT_OF_ORDERNESS : Duration.ZERO,
                JobSettings.DEFAULT_IDLENESS,
                Duration.ofSeconds(10),
                JobSettings.DEFAULT_SINK_BATCH_SIZE,
                2,
                PhoneKey.fromEnvironment(System.getenv()));
    }

    private static StreamExecutionEnvironment env(JobSettings s) {
        Path checkpoints = LocalRun.checkpointRoot().resolve("bench-" + UUID.randomUUID());
        Configuration conf = Environments.configure(new Configuration(), s, checkpoints);
        return StreamExecutionEnvironment.createLocalEnvironment(s.parallelism(), conf);
    }

    // ---- latency ----

    private static void latency(
            Endpoints e,
            ClickHouseSettings ch,
            ReferencePaths paths,
            ReferenceData reference,
            int n,
            long spacing,
            PrintStream out,
            PrintStream err)
            throws Exception {
        JobSettings s = settings(e, ch, JobSettings.Mode.LIVE, Long.MAX_VALUE);
        StreamExecutionEnvironment env = env(s);
        // From the topic's end: the bench's own cases only, not what earlier runs left there.
        KafkaSource<FeedRecord> source = KafkaSource.<FeedRecord>builder()
                .setBootstrapServers(s.kafkaBootstrap())
                .setTopics(Feed.CASES.topic())
                .setGroupId("gridpulse-bench-" + UUID.randomUUID())
                .setStartingOffsets(OffsetsInitializer.latest())
                .setDeserializer(new FeedDeserializer(new FeedDecoders(Feed.CASES, reference, s.phoneHashKey())))
                .build();
        Outputs outputs = new Outputs(s);
        CaseClockAlerts.wire(
                new CaseIngestJob(s, reference, source, outputs).build(env),
                s,
                reference,
                AlertSettings.defaults(),
                outputs);
        try (KafkaConsumer<byte[], byte[]> alerts = alertsConsumer(e)) {
            JobClient job = env.executeAsync("gridpulse bench alerts (live)");
            try {
                waitRunning(job);
                Thread.sleep(5000); // the source resolves "latest" once its splits are assigned
                String category = firstColumn(paths.catalog());
                String department = firstColumn(paths.departments());
                long first = System.currentTimeMillis() + 20_000;
                Map<String, Long> deadlineOf = publishCases(e, n, spacing, first, category, department);
                err.printf(
                        "gridpulse: bench: %d deadlines from %s, %d ms apart; waiting for their alerts%n",
                        n, Instant.ofEpochMilli(first), spacing);
                List<Long> delays = collect(alerts, deadlineOf, first + n * spacing + 30_000);
                printLatency(delays, n, out);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static Map<String, Long> publishCases(
            Endpoints e, int n, long spacing, long first, String category, String department) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Map<String, Long> deadlineOf = new HashMap<>();
        long now = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Publisher.producerProps(e.kafkaBootstrap()))) {
            for (int i = 0; i < n; i++) {
                String caseId = "BENCH" + run + String.format("%05d", i);
                long deadline = first + i * spacing;
                String reported = "{\"eventId\":\"" + caseId + "-R\",\"caseId\":\"" + caseId
                        + "\",\"type\":\"REPORTED\",\"time\":\"" + iso(now) + "\",\"source\":\"INSPECTOR\","
                        + "\"categoryCode\":\"" + category + "\",\"lon\":118.79,\"lat\":32.06}";
                String dispatched = "{\"eventId\":\"" + caseId + "-D\",\"caseId\":\"" + caseId
                        + "\",\"type\":\"DISPATCHED\",\"time\":\"" + iso(now) + "\",\"department\":\"" + department
                        + "\",\"deadline\":\"" + iso(deadline) + "\"}";
                for (String line : List.of(reported, dispatched)) {
                    p.send(new ProducerRecord<>(
                            Feed.CASES.topic(),
                            caseId.getBytes(StandardCharsets.UTF_8),
                            line.getBytes(StandardCharsets.UTF_8)));
                }
                deadlineOf.put(caseId + "-D", deadline);
            }
            p.flush();
        }
        return deadlineOf;
    }

    private static KafkaConsumer<byte[], byte[]> alertsConsumer(Endpoints e) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p);
        List<TopicPartition> parts = new ArrayList<>();
        for (PartitionInfo pi : c.partitionsFor(Feed.ALERTS_TOPIC)) {
            parts.add(new TopicPartition(pi.topic(), pi.partition()));
        }
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position); // resolve the end now, before anything is published
        return c;
    }

    /** Delay from deadline to arrival of each bench dispatch's OVERDUE. */
    private static List<Long> collect(KafkaConsumer<byte[], byte[]> c, Map<String, Long> deadlineOf, long giveUpAt)
            throws Exception {
        List<Long> delays = new ArrayList<>();
        while (delays.size() < deadlineOf.size() && System.currentTimeMillis() < giveUpAt) {
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(50))) {
                long arrived = System.currentTimeMillis();
                JsonNode a = JSON.readTree(r.value());
                Long deadline = deadlineOf.get(a.path("dispatch_id").asText());
                if (deadline != null && "OVERDUE".equals(a.path("type").asText())) {
                    delays.add(arrived - deadline);
                }
            }
        }
        return delays;
    }

    private static void printLatency(List<Long> delays, int n, PrintStream out) {
        Collections.sort(delays);
        out.println("bench alerts: live latency, deadline (wall clock) to OVERDUE on topic " + Feed.ALERTS_TOPIC);
        out.printf("  deadlines %d, alerts received %d%n", n, delays.size());
        if (!delays.isEmpty()) {
            out.printf(
                    "  delay ms: p50 %d  p99 %d  max %d  min %d  (target p99 < 1000)%n",
                    pct(delays, 0.50), pct(delays, 0.99), delays.get(delays.size() - 1), delays.get(0));
        }
    }

    private static long pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    // ---- throughput ----

    private static void throughput(
            Endpoints e, ClickHouseSettings ch, Path cityDir, ReferenceData reference, PrintStream out, PrintStream err)
            throws Exception {
        long wallClock = System.currentTimeMillis();
        FeedDecoders decoders = new FeedDecoders(Feed.CASES, reference, PhoneKey.fromEnvironment(System.getenv()));
        Publisher.Published published = Publisher.publish(
                Feed.CASES, cityDir.resolve("cases.jsonl"), e.kafkaBootstrap(), wallClock, err, line -> decoders.decode(
                                line, wallClock, "as-of")
                        .eventTime());
        long events = published.sent();
        out.println("bench alerts: bounded throughput over the demo city's case feed (" + events
                + " records, parallelism 2, sinks discarded)");
        String[] names = {"warm-up (all, JIT):", "ingest only:", "ingest + clock:", "ingest + clock + CEP:"};
        double[] seconds = new double[names.length];
        double[] cpu = new double[names.length];
        for (int run = 0; run < names.length; run++) {
            int variant = run == 0 ? 3 : run; // the warm-up runs everything, so no variant pays the JIT
            JobSettings s = settings(e, ch, JobSettings.Mode.BOUNDED, published.maxEventTime());
            StreamExecutionEnvironment env = env(s);
            Outputs outputs = new Discarding(s);
            var source = FeedSource.bounded(
                    s,
                    Feed.CASES,
                    new FeedDecoders(Feed.CASES, reference, s.phoneHashKey()),
                    published.start(),
                    published.end());
            var located = new CaseIngestJob(s, reference, source, outputs).build(env);
            if (variant == 2) {
                CaseClockAlerts.signals(located, s, reference, AlertSettings.defaults())
                        .sinkTo(new DiscardingSink<>())
                        .name("bench-signals-discarded");
            } else if (variant == 3) {
                CaseClockAlerts.wire(located, s, reference, AlertSettings.defaults(), outputs);
            }
            double c0 = ProcessCpu.seconds();
            long t0 = System.nanoTime();
            env.execute("gridpulse bench alerts (bounded)");
            seconds[run] = (System.nanoTime() - t0) / 1e9;
            cpu[run] = ProcessCpu.seconds() - c0;
            out.printf(
                    "  %-24s wall %6.1f s  %,9.0f case events/s   cpu %6.1f s  %,7.1f us cpu per event%n",
                    names[run], seconds[run], events / seconds[run], cpu[run], cpu[run] * 1e6 / events);
        }
        out.printf(
                "  added cpu per case event: deadline clock %.1f us, the 4 CEP operators %.1f us"
                        + " (wall time is shared with other work on the machine; cpu time is this process's)%n",
                (cpu[2] - cpu[1]) * 1e6 / events, (cpu[3] - cpu[2]) * 1e6 / events);
    }

    /** Outputs whose every sink discards: the bench measures the pipeline, not ClickHouse or Kafka writes. */
    private static final class Discarding extends Outputs {
        Discarding(JobSettings s) {
            super(s);
        }

        @Override
        public <T> Sink<T> tableSink(io.gridpulse.clickhouse.TableWriter.TableSpec<T> spec) {
            return new DiscardingSink<>();
        }

        @Override
        protected Sink<io.gridpulse.domain.codec.Rejection> rejectedTopic() {
            return new DiscardingSink<>();
        }

        @Override
        protected Sink<io.gridpulse.domain.alert.Alert> alertsTopic() {
            return new DiscardingSink<>();
        }
    }

    // ---- helpers ----

    private static void waitRunning(JobClient job) throws Exception {
        long giveUp = System.currentTimeMillis() + 60_000;
        while (job.getJobStatus().get() != org.apache.flink.api.common.JobStatus.RUNNING) {
            if (System.currentTimeMillis() > giveUp) {
                throw new IllegalStateException("the live job did not start within 60 s");
            }
            Thread.sleep(200);
        }
    }

    private static String firstColumn(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return lines.get(1).split(",", 2)[0].trim();
    }

    private static String iso(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.ofHours(8))
                .toString();
    }
}
