package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Migrations;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.Environments;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.PhoneKey;
import io.gridpulse.flink.common.FeedDecoders;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.FeedSource;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ProgressCounters;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.vehicles.VehicleIngestJob;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.KafkaTopics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./gridpulse bench e2e [--events N] [--parallelism P] [--sink-batch ROWS] [--warmup N] [--warmup-rounds R]}: loads N vehicle
 * positions (default 5,000,000; the {@link BenchFleet} driving between the demo city's grids) into a
 * fresh topic, then times, in one run, the whole vehicle job (Kafka, parse, validate,
 * deduplicate, grid, steps, hourly windows, every position and hour written to ClickHouse) and a
 * job that only reads and parses the same offsets with the same source, decoder and parallelism.
 * Both are timed in a warmed JVM: first, untimed, both run {@code --warmup-rounds} times (default 3)
 * over the topic's first {@code --warmup} positions (default half the events, at most 2,500,000),
 * the JIT's queue is left to empty ({@link JitCompiler}) and the ClickHouse database is made afresh.
 * Every run prints the JIT's compile time within it, so a reader sees how settled the code was.
 * The ratio of the two says what the pipeline costs beyond reading its input. A benchmark, not
 * a test: it prints figures, the last line being
 * {@code e2e: <n> events, <x> events/s end-to-end, read+parse only <y> events/s, ratio <x/y>}.
 */
final class E2eBench {

    private E2eBench() {}

    /** {@code args}: the options after {@code bench e2e}. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        var a = io.gridpulse.flink.Args.parse(
                args,
                java.util.Set.of("events", "parallelism", "sink-batch", "warmup", "warmup-rounds"),
                java.util.Set.of());
        long events = Long.parseLong(a.get("events", "5000000"));
        long warmup = Long.parseLong(a.get("warmup", String.valueOf(Math.min(events / 2, 2_500_000))));
        int warmupRounds = Integer.parseInt(a.get("warmup-rounds", "3"));
        String loadAtStart = loadAverage();
        int parallelism = Integer.parseInt(a.get("parallelism", "2"));
        Endpoints endpoints = Connections.endpoints(true, err);
        ClickHouseSettings ch = Connections.clickHouse(endpoints).withDatabase("gridpulse_bench");
        ReferenceData reference = ReferenceData.read(DemoCityFiles.referenceDefaults(err));

        freshDatabase(ch);
        String topic = "gridpulse.bench.vehicles." + System.currentTimeMillis();
        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.ensure(List.of(topic), parallelism, (short) 1);
        }
        long t0 = System.nanoTime();
        long maxTime = load(topic, events, reference, endpoints.kafkaBootstrap(), err);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.latestOffsets(topic).forEach((p, o) -> {
                start.put(new TopicPartition(topic, p), 0L);
                end.put(new TopicPartition(topic, p), o);
            });
        }
        err.printf(
                "bench: loaded %,d positions into %s in %.1f s (%,.0f/s)%n",
                events, topic, loadSeconds, events / loadSeconds);

        JobSettings settings = new JobSettings(
                endpoints.kafkaBootstrap(),
                Map.of(),
                ch,
                JobSettings.Mode.BOUNDED,
                maxTime,
                JobSettings.DEFAULT_ALLOWED_LATENESS,
                Duration.ZERO,
                JobSettings.DEFAULT_IDLENESS,
                LocalRun.BOUNDED_CHECKPOINT_INTERVAL,
                Integer.parseInt(a.get("sink-batch", String.valueOf(JobSettings.DEFAULT_SINK_BATCH_SIZE))),
                parallelism,
                PhoneKey.fromEnvironment(System.getenv()));
        Path checkpoints = LocalRun.checkpointRoot().resolve("bench-" + System.currentTimeMillis());

        // Warm-up, not timed: both jobs over the topic's first positions, so that both timed runs
        // find the JIT's work done. One round of 500,000 left the vehicle job 24.5 s of compiling
        // inside its timed run: per-poll and per-batch code (Kafka clients, sinks) turns hot only
        // after millions of records, and each switch between the two jobs deoptimizes shared code
        // that had seen one job's types. Three rounds of 2,500,000 leave about 4 s.
        if (warmup > 0) {
            Map<TopicPartition, Long> warmEnd = new HashMap<>();
            end.forEach((tp, o) -> warmEnd.put(tp, Math.min(o, warmup / end.size())));
            long warmPositions =
                    warmEnd.values().stream().mapToLong(Long::longValue).sum();
            for (int round = 1; round <= warmupRounds; round++) {
                Timing w = runFull(settings, reference, start, warmEnd, checkpoints);
                Timing r = runRead(settings, reference, start, warmEnd, checkpoints);
                err.printf(
                        "bench: warm-up %d of %d over %,d positions: vehicle job %.1f s (JIT %.1f s), read and parse %.1f s (JIT %.1f s)%n",
                        round, warmupRounds, warmPositions, w.seconds(), w.jit(), r.seconds(), r.jit());
            }
            freshDatabase(ch);
            err.printf(
                    "bench: waited %.1f s for the JIT's queue to empty (%.1f s of compiling so far)%n",
                    JitCompiler.awaitQuiet(2_000, 120_000), JitCompiler.seconds());
        }

        Timing fullRun = runFull(settings, reference, start, end, checkpoints);
        double fullSeconds = fullRun.seconds();
        long written = scalar(ch, "SELECT count() FROM " + ch.database() + ".vehicle_positions");
        long hours = scalar(ch, "SELECT count() FROM " + ch.database() + ".vehicle_hourly");
        err.printf(
                "bench: vehicle job: %.1f s (this JVM's CPU %.1f s, JIT compiling %.1f s); %,d position rows and %,d hourly rows in ClickHouse%n",
                fullSeconds, fullRun.cpu(), fullRun.jit(), written, hours);
        if (written < events) {
            throw new IllegalStateException("only " + written + " of " + events + " positions reached ClickHouse");
        }

        Timing readRun = runRead(settings, reference, start, end, checkpoints);
        double readSeconds = readRun.seconds();
        err.printf(
                "bench: read and parse: %.1f s (this JVM's CPU %.1f s, JIT compiling %.1f s)%n",
                readSeconds, readRun.cpu(), readRun.jit());
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.delete(List.of(topic));
        }
        try {
            ProjectHome.deleteTree(checkpoints);
        } catch (java.io.UncheckedIOException e) {
            // Flink may still be removing its own checkpoint folders; what remains is under .gridpulse
        }

        double x = events / fullSeconds;
        double y = events / readSeconds;
        out.printf(
                "machine: %d cores, parallelism %d, max heap %d MB; Kafka and ClickHouse on the same machine%n",
                Runtime.getRuntime().availableProcessors(),
                parallelism,
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf(
                "e2e: %d events, %.0f events/s end-to-end, read+parse only %.0f events/s, ratio %.2f%n",
                events, x, y, x / y);
        return 0;
    }

    /** Wall-clock seconds of a job and the CPU seconds this JVM used meanwhile. */
    private record Timing(double seconds, double cpu, double jit) {}

    /** The whole vehicle job over the offsets. */
    private static Timing runFull(
            JobSettings settings,
            ReferenceData reference,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end,
            Path checkpoints)
            throws Exception {
        ProgressCounters.reset();
        StreamExecutionEnvironment full = environment(settings, checkpoints);
        new VehicleIngestJob(settings, reference, source(settings, reference, start, end), new Outputs(settings))
                .build(full);
        return time(full, "bench e2e: vehicle job");
    }

    /** Read and parse only: the same source, decoder and parallelism. */
    private static Timing runRead(
            JobSettings settings,
            ReferenceData reference,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end,
            Path checkpoints)
            throws Exception {
        ProgressCounters.reset();
        StreamExecutionEnvironment read = environment(settings, checkpoints);
        read.fromSource(
                        source(settings, reference, start, end),
                        FeedSource.watermarks(settings),
                        "vehicles-source",
                        TypeInformation.of(FeedRecord.class))
                .sinkTo(new DiscardingSink<>());
        return time(read, "bench e2e: read and parse");
    }

    private static void freshDatabase(ClickHouseSettings ch) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + ch.database() + " SYNC");
        }
        Migrations.apply(ch);
    }

    private static org.apache.flink.connector.kafka.source.KafkaSource<FeedRecord> source(
            JobSettings s, ReferenceData reference, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        return FeedSource.bounded(
                s, Feed.VEHICLES, new FeedDecoders(Feed.VEHICLES, reference, s.phoneHashKey()), start, end);
    }

    /** The one-minute load average (other work on the machine skews the figures), or "?". */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static StreamExecutionEnvironment environment(JobSettings settings, Path checkpoints) {
        Configuration conf = Environments.configure(new Configuration(), settings, checkpoints);
        conf.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(settings.parallelism(), conf);
        return env;
    }

    private static Timing time(StreamExecutionEnvironment env, String name) throws Exception {
        double cpu0 = ProcessCpu.seconds();
        double jit0 = JitCompiler.seconds();
        long t0 = System.nanoTime();
        env.execute(name);
        return new Timing((System.nanoTime() - t0) / 1e9, ProcessCpu.seconds() - cpu0, JitCompiler.seconds() - jit0);
    }

    private static long scalar(ClickHouseSettings ch, String sql) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sends the bench fleet's positions ({@link BenchFleet}) keyed by vehicle; returns the latest event time. */
    static long load(String topic, long events, ReferenceData reference, String bootstrap, PrintStream err)
            throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("acks", "1");
        p.put("linger.ms", "50");
        p.put("batch.size", String.valueOf(1024 * 1024));
        p.put("buffer.memory", String.valueOf(256L * 1024 * 1024));
        p.put("compression.type", "lz4");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] lastReport = {System.nanoTime()};
        long[] sent = {0};
        long latest;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            latest = new BenchFleet(reference).generate(events, (key, value) -> {
                producer.send(new ProducerRecord<>(topic, key, value), (md, ex) -> {
                    if (ex != null) {
                        failure.compareAndSet(null, ex);
                    }
                });
                if (++sent[0] % 10_000 == 0) {
                    if (failure.get() != null) {
                        throw new IllegalStateException("loading the bench topic failed", failure.get());
                    }
                    if (System.nanoTime() - lastReport[0] > 5_000_000_000L) {
                        err.printf("bench: loading: %,d of %,d positions%n", sent[0], events);
                        lastReport[0] = System.nanoTime();
                    }
                }
            });
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the bench topic failed", failure.get());
        }
        return latest;
    }
}
