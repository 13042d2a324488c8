package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Migrations;
import io.gridpulse.domain.codec.IsoTime;
import io.gridpulse.domain.grid.Grid;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
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
import org.locationtech.jts.geom.Point;

/**
 * {@code ./gridpulse bench e2e [--events N] [--parallelism P]}: loads N vehicle positions (default
 * 5,000,000; vehicles driving between the demo city's grids, one position every 10 s) into a
 * fresh topic, then times, in one run, the whole vehicle job (Kafka, parse, validate,
 * deduplicate, grid, steps, hourly windows, every position and hour written to ClickHouse) and a
 * job that only reads and parses the same offsets with the same source, decoder and parallelism.
 * The ratio of the two says what the pipeline costs beyond reading its input. A benchmark, not
 * a test: it prints figures, the last line being
 * {@code e2e: <n> events, <x> events/s end-to-end, read+parse only <y> events/s, ratio <x/y>}.
 */
final class E2eBench {

    private static final String[] TYPES = {"MUCK", "SWEEPER", "GARBAGE", "SPRINKLER", "PATROL"};
    private static final int TICK_SECONDS = 10;

    private E2eBench() {}

    /** {@code args}: the options after {@code bench e2e}. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        var a = io.gridpulse.flink.Args.parse(args, java.util.Set.of("events", "parallelism"), java.util.Set.of());
        long events = Long.parseLong(a.get("events", "5000000"));
        String loadAtStart = loadAverage();
        int parallelism = Integer.parseInt(a.get("parallelism", "2"));
        Endpoints endpoints = Connections.endpoints(true, err);
        ClickHouseSettings ch = Connections.clickHouse(endpoints).withDatabase("gridpulse_bench");
        ReferenceData reference = ReferenceData.read(DemoCityFiles.referenceDefaults(err));

        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + ch.database() + " SYNC");
        }
        Migrations.apply(ch);
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
                JobSettings.DEFAULT_SINK_BATCH_SIZE,
                parallelism,
                PhoneKey.fromEnvironment(System.getenv()));
        Path checkpoints = LocalRun.checkpointRoot().resolve("bench-" + System.currentTimeMillis());

        // The whole vehicle job.
        ProgressCounters.reset();
        StreamExecutionEnvironment full = environment(settings, checkpoints);
        new VehicleIngestJob(settings, reference, source(settings, reference, start, end), new Outputs(settings))
                .build(full);
        double cpu0 = ProcessCpu.seconds();
        double fullSeconds = time(full, "bench e2e: vehicle job", err);
        double fullCpu = ProcessCpu.seconds() - cpu0;
        long written = scalar(ch, "SELECT count() FROM " + ch.database() + ".vehicle_positions");
        long hours = scalar(ch, "SELECT count() FROM " + ch.database() + ".vehicle_hourly");
        err.printf(
                "bench: vehicle job: %.1f s (this JVM's CPU %.1f s); %,d position rows and %,d hourly rows in ClickHouse%n",
                fullSeconds, fullCpu, written, hours);
        if (written < events) {
            throw new IllegalStateException("only " + written + " of " + events + " positions reached ClickHouse");
        }

        // Read and parse only: the same source, decoder and parallelism.
        ProgressCounters.reset();
        StreamExecutionEnvironment read = environment(settings, checkpoints);
        read.fromSource(
                        source(settings, reference, start, end),
                        FeedSource.watermarks(settings),
                        "vehicles-source",
                        TypeInformation.of(FeedRecord.class))
                .sinkTo(new DiscardingSink<>());
        cpu0 = ProcessCpu.seconds();
        double readSeconds = time(read, "bench e2e: read and parse", err);
        double readCpu = ProcessCpu.seconds() - cpu0;
        err.printf("bench: read and parse: %.1f s (this JVM's CPU %.1f s)%n", readSeconds, readCpu);
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

    private static double time(StreamExecutionEnvironment env, String name, PrintStream err) throws Exception {
        long t0 = System.nanoTime();
        env.execute(name);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long scalar(ClickHouseSettings ch, String sql) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Vehicles drive from grid to grid (towards a random grid's centroid at 20-50 km/h), one
     * position every 10 s, all vehicles at each tick; sent keyed by vehicle, in time order.
     * Returns the latest event time.
     */
    static long load(String topic, long events, ReferenceData reference, String bootstrap, PrintStream err)
            throws Exception {
        List<Grid> grids = reference.gridSet().grids();
        double[][] targets = new double[grids.size()][];
        for (int i = 0; i < grids.size(); i++) {
            Point c = grids.get(i).geometry().getCentroid();
            targets[i] = new double[] {c.getX(), c.getY()};
        }
        int vehicles = 2_000;
        Random rnd = new Random(42);
        double[] lon = new double[vehicles];
        double[] lat = new double[vehicles];
        int[] target = new int[vehicles];
        double[] kmh = new double[vehicles];
        byte[][] keys = new byte[vehicles][];
        String[] prefix = new String[vehicles];
        for (int v = 0; v < vehicles; v++) {
            int g = rnd.nextInt(targets.length);
            lon[v] = targets[g][0];
            lat[v] = targets[g][1];
            target[v] = rnd.nextInt(targets.length);
            kmh[v] = 20 + rnd.nextInt(30);
            String id = String.format("BV%05d", v);
            keys[v] = id.getBytes(StandardCharsets.UTF_8);
            prefix[v] = "{\"vehicleId\":\"" + id + "\",\"vehicleType\":\"" + TYPES[v % TYPES.length]
                    + "\",\"plate\":\"陕K" + String.format("%05d", v) + "\",\"time\":\"";
        }
        long base = Instant.parse("2026-10-12T00:00:00Z").toEpochMilli();
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
        long sent = 0;
        long time = base;
        long lastReport = System.nanoTime();
        StringBuilder b = new StringBuilder(256);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int tick = 0; sent < events; tick++) {
                time = base + tick * TICK_SECONDS * 1000L;
                String t = IsoTime.format(time);
                for (int v = 0; v < vehicles && sent < events; v++) {
                    double step = kmh[v] * TICK_SECONDS / 3600.0; // km this tick
                    double dx = (targets[target[v]][0] - lon[v]) * 111.32 * Math.cos(Math.toRadians(lat[v]));
                    double dy = (targets[target[v]][1] - lat[v]) * 110.57;
                    double dist = Math.sqrt(dx * dx + dy * dy);
                    double heading = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
                    if (dist <= step) {
                        lon[v] = targets[target[v]][0];
                        lat[v] = targets[target[v]][1];
                        target[v] = rnd.nextInt(targets.length);
                    } else {
                        lon[v] += dx / dist * step / (111.32 * Math.cos(Math.toRadians(lat[v])));
                        lat[v] += dy / dist * step / 110.57;
                    }
                    b.setLength(0);
                    b.append(prefix[v]).append(t).append("\",\"lon\":");
                    b.append(Math.round(lon[v] * 1e6) / 1e6).append(",\"lat\":").append(Math.round(lat[v] * 1e6) / 1e6);
                    b.append(",\"speed\":")
                            .append(kmh[v])
                            .append(",\"heading\":")
                            .append(Math.round(heading));
                    b.append('}');
                    producer.send(
                            new ProducerRecord<>(topic, keys[v], b.toString().getBytes(StandardCharsets.UTF_8)),
                            (md, ex) -> {
                                if (ex != null) {
                                    failure.compareAndSet(null, ex);
                                }
                            });
                    sent++;
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("loading the bench topic failed", failure.get());
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    err.printf("bench: loading: %,d of %,d positions%n", sent, events);
                    lastReport = System.nanoTime();
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the bench topic failed", failure.get());
        }
        return time;
    }
}
