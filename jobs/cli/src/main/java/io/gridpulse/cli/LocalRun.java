package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.RetryPolicy;
import io.gridpulse.clickhouse.TableWriter;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.Environments;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.alerts.deadline.AlertSettings;
import io.gridpulse.flink.alerts.deadline.CaseClockAlerts;
import io.gridpulse.flink.alerts.spatial.SpatialAlerts;
import io.gridpulse.flink.cases.CaseIngestJob;
import io.gridpulse.flink.cases.workflow.CaseWorkflowJob;
import io.gridpulse.flink.common.FeedDecoders;
import io.gridpulse.flink.common.FeedSource;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ProgressCounters;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.sensors.SensorIngestJob;
import io.gridpulse.flink.sink.RejectedJson;
import io.gridpulse.flink.sink.RejectedTable;
import io.gridpulse.flink.vehicles.VehicleIngestJob;
import io.gridpulse.stack.Endpoints;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Runs the jobs of a `process` on a local Flink MiniCluster, over exactly the published offsets,
 * and reports progress on standard error while they run.
 */
final class LocalRun {

    /** Per feed: valid distinct events, redeliveries dropped, events after the as-of time, rejections by reason. */
    record FeedResult(long valid, long duplicates, long afterAsOf, Map<ReasonCode, Long> rejected) {}

    /**
     * The run's figures. The per-feed counts are counted as records pass, so after a restart
     * ({@code restarts > 0}) they include replayed records; the tables are exact either way
     * (idempotent writes).
     */
    record Result(Map<Feed, FeedResult> feeds, Duration elapsed, int restarts) {}

    /**
     * Bounded input can always be replayed from Kafka, so checkpoints only shorten a recovery:
     * taken seldom, they cost little.
     */
    static final Duration BOUNDED_CHECKPOINT_INTERVAL = Duration.ofSeconds(60);

    /** Tests that restart a run from a checkpoint set a short interval through this system property. */
    static final String CHECKPOINT_MILLIS_PROPERTY = "gridpulse.test.checkpointMillis";

    private static Duration checkpointInterval() {
        String v = System.getProperty(CHECKPOINT_MILLIS_PROPERTY);
        return v == null ? BOUNDED_CHECKPOINT_INTERVAL : Duration.ofMillis(Long.parseLong(v));
    }

    private final ProcessOptions options;
    private final Endpoints endpoints;
    private final ClickHouseSettings clickHouse;
    private final String phoneKey;

    private final ReferenceData reference;

    LocalRun(ProcessOptions options, Endpoints endpoints, ClickHouseSettings clickHouse, String phoneKey)
            throws java.io.IOException {
        this.reference = ReferenceData.read(options.reference());
        this.options = options;
        this.endpoints = endpoints;
        this.clickHouse = clickHouse;
        this.phoneKey = phoneKey;
    }

    ReferenceData reference() {
        return reference;
    }

    Result execute(Map<Feed, Publisher.Published> published, long asOf, List<Rejection> tooLarge, PrintStream err)
            throws Exception {
        long started = System.nanoTime();
        ProgressCounters.reset();
        writeTooLarge(tooLarge);
        JobSettings settings = new JobSettings(
                endpoints.kafkaBootstrap(),
                Map.of(),
                clickHouse,
                JobSettings.Mode.BOUNDED,
                asOf,
                JobSettings.DEFAULT_ALLOWED_LATENESS,
                // Each partition is published in event-time order: no disorder to wait for.
                Duration.ZERO,
                JobSettings.DEFAULT_IDLENESS,
                checkpointInterval(),
                JobSettings.DEFAULT_SINK_BATCH_SIZE,
                options.parallelism(),
                phoneKey);
        Path checkpoints = checkpointRoot().resolve(java.util.UUID.randomUUID().toString());
        Configuration conf = Environments.configure(new Configuration(), settings, checkpoints);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(options.parallelism(), conf);
        Outputs outputs = new Outputs(settings);
        long total = 0;
        for (var e : published.entrySet()) {
            Feed feed = e.getKey();
            Publisher.Published p = e.getValue();
            total += p.sent();
            var source =
                    FeedSource.bounded(settings, feed, new FeedDecoders(feed, reference, phoneKey), p.start(), p.end());
            switch (feed) {
                case CASES -> {
                    var caseEvents = new CaseIngestJob(settings, reference, source, outputs).build(env);
                    new CaseWorkflowJob(settings, reference, outputs).build(caseEvents);
                    CaseClockAlerts.wire(caseEvents, settings, reference, AlertSettings.defaults(), outputs);
                    SpatialAlerts.build(caseEvents, options.spatialAlerts(), outputs);
                }
                case VEHICLES -> new VehicleIngestJob(settings, reference, source, outputs).build(env);
                case SENSORS -> new SensorIngestJob(settings, reference, source, outputs).build(env);
            }
        }
        err.println(
                "gridpulse: running the jobs (parallelism " + options.parallelism() + ") over " + total + " records");
        JobClient client = env.executeAsync("gridpulse process");
        // A local environment shuts its MiniCluster down when the job ends: poll the result, not the status.
        var result = client.getJobExecutionResult();
        long lastPrint = 0;
        int restarts = 0;
        boolean restarting = false;
        while (!result.isDone()) {
            Thread.sleep(200);
            boolean nowRestarting = isRestarting(client);
            if (nowRestarting && !restarting) {
                restarts++;
                err.println("gridpulse: the jobs failed and are restarting from their last checkpoint (restart "
                        + restarts + "; the cause is logged above); results stay exact, the progress counts"
                        + " now include replayed records");
            }
            restarting = nowRestarting;
            if (System.nanoTime() - lastPrint > 3_000_000_000L) {
                lastPrint = System.nanoTime();
                long consumed = ProgressCounters.get(ProgressCounters.READ);
                err.printf(
                        "gridpulse: consumed %,d of %,d records (lag %,d), rejected %,d, rows written %,d%n",
                        consumed,
                        total,
                        Math.max(0, total - consumed),
                        ProgressCounters.get(ProgressCounters.REJECTED),
                        ProgressCounters.get(ProgressCounters.WRITTEN));
            }
        }
        result.get();
        ProjectHome.deleteTree(checkpoints);
        Map<Feed, FeedResult> results = new EnumMap<>(Feed.class);
        for (Feed feed : published.keySet()) {
            Map<ReasonCode, Long> rejected = ProgressCounters.rejectedByReason(feed);
            long large = tooLarge.stream().filter(r -> r.feed() == feed).count();
            if (large > 0) {
                rejected.merge(ReasonCode.TOO_LARGE, large, Long::sum);
            }
            long valid = ProgressCounters.get(feed, ProgressCounters.CONSUMED)
                    - ProgressCounters.get(feed, ProgressCounters.AFTER_AS_OF)
                    - ProgressCounters.get(feed, ProgressCounters.DUPLICATES)
                    - rejected.getOrDefault(ReasonCode.DUPLICATE_CONFLICT, 0L)
                    - rejected.getOrDefault(ReasonCode.TOO_LATE, 0L);
            results.put(
                    feed,
                    new FeedResult(
                            valid,
                            ProgressCounters.get(feed, ProgressCounters.DUPLICATES),
                            ProgressCounters.get(feed, ProgressCounters.AFTER_AS_OF),
                            rejected));
        }
        return new Result(results, Duration.ofNanos(System.nanoTime() - started), restarts);
    }

    private static boolean isRestarting(JobClient client) {
        try {
            return client.getJobStatus().get() == org.apache.flink.api.common.JobStatus.RESTARTING;
        } catch (Exception e) {
            // the local cluster shuts down as the job ends: no status to read then
            return false;
        }
    }

    /** Checkpoints of local runs, under the project's home, removed when a run succeeds. */
    static Path checkpointRoot() {
        return ProjectHome.dir().resolve("checkpoints");
    }

    /** Records refused before Kafka still get their row and their message on the rejected topic. */
    private void writeTooLarge(List<Rejection> tooLarge) throws Exception {
        if (tooLarge.isEmpty()) {
            return;
        }
        try (TableWriter<Rejection> w = new TableWriter<>(clickHouse, RejectedTable.SPEC, RetryPolicy.DEFAULT)) {
            w.write(tooLarge);
        }
        Properties p = Publisher.producerProps(endpoints.kafkaBootstrap());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (Rejection r : tooLarge) {
                producer.send(new ProducerRecord<>(
                        Feed.REJECTED_TOPIC,
                        RejectedTable.rejectId(r).getBytes(StandardCharsets.UTF_8),
                        RejectedJson.toJson(r)));
            }
            producer.flush();
        }
    }
}
