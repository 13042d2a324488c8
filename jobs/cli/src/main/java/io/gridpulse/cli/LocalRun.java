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
import io.gridpulse.stack.LocalClickHouse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
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
     * (idempotent writes). {@code faults} lists what {@code --fault-injection} did, and when.
     */
    record Result(Map<Feed, FeedResult> feeds, Duration elapsed, int restarts, List<FaultInjector.Fault> faults) {}

    /**
     * Bounded input can always be replayed from Kafka, so checkpoints only shorten a recovery:
     * taken seldom, they cost little. Each is a full copy of the heap state (gigabytes in a year
     * of cases): every 60 s they took about 12% of the year benchmark's CPU.
     */
    static final Duration BOUNDED_CHECKPOINT_INTERVAL = Duration.ofSeconds(180);

    /** Tests that restart a run from a checkpoint set a short interval through this system property. */
    static final String CHECKPOINT_MILLIS_PROPERTY = "gridpulse.test.checkpointMillis";

    private static Duration checkpointInterval() {
        String v = System.getProperty(CHECKPOINT_MILLIS_PROPERTY);
        return v == null ? BOUNDED_CHECKPOINT_INTERVAL : Duration.ofMillis(Long.parseLong(v));
    }
    /** Under fault injection a checkpoint must complete early, before the faults are injected. */
    static final Duration FAULT_INJECTION_CHECKPOINT_INTERVAL = Duration.ofMillis(200);

    private final ProcessOptions options;
    private final Endpoints endpoints;
    private final ClickHouseSettings clickHouse;
    private final String phoneKey;
    private final LocalClickHouse localClickHouse;

    private final ReferenceData reference;

    LocalRun(ProcessOptions options, Endpoints endpoints, ClickHouseSettings clickHouse, String phoneKey)
            throws java.io.IOException {
        this(options, endpoints, clickHouse, phoneKey, null);
    }

    /**
     * @param localClickHouse the local ClickHouse server when the run writes to it (fault injection
     *     restarts it), null when ClickHouse is external
     */
    LocalRun(
            ProcessOptions options,
            Endpoints endpoints,
            ClickHouseSettings clickHouse,
            String phoneKey,
            LocalClickHouse localClickHouse)
            throws java.io.IOException {
        this.localClickHouse = localClickHouse;
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
                options.faultInjection() ? FAULT_INJECTION_CHECKPOINT_INTERVAL : checkpointInterval(),
                JobSettings.DEFAULT_SINK_BATCH_SIZE,
                options.parallelism(),
                phoneKey);
        Path checkpoints = checkpointRoot().resolve(java.util.UUID.randomUUID().toString());
        Configuration conf = Environments.configure(new Configuration(), settings, checkpoints);
        // The MiniCluster's REST endpoint takes any free port: runs of other clones share the machine.
        conf.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(options.parallelism());
        Outputs outputs = new Outputs(settings);
        long total = 0;
        // Sensors first: their alarms' case reports join the case pipeline (SensorIngestJob).
        org.apache.flink.streaming.api.datastream.DataStream<io.gridpulse.flink.common.FeedRecord> sensorCases = null;
        CaseIngestJob cases = null;
        for (Feed feed : List.of(Feed.SENSORS, Feed.VEHICLES, Feed.CASES)) {
            Publisher.Published p = published.get(feed);
            if (p == null) {
                continue;
            }
            total += p.sent();
            var source =
                    FeedSource.bounded(settings, feed, new FeedDecoders(feed, reference, phoneKey), p.start(), p.end());
            switch (feed) {
                case CASES -> cases = new CaseIngestJob(settings, reference, source, outputs);
                case VEHICLES -> new VehicleIngestJob(settings, reference, source, outputs).build(env);
                case SENSORS -> sensorCases = new SensorIngestJob(settings, reference, source, outputs).build(env);
            }
        }
        if (cases != null) {
            if (sensorCases != null) {
                cases.withGeneratedEvents(sensorCases);
            }
            var caseEvents = cases.build(env);
            var byCase = new CaseWorkflowJob(settings, reference, outputs).build(caseEvents);
            CaseClockAlerts.wire(
                    byCase,
                    settings,
                    reference,
                    AlertSettings.defaults().withWarningShare(options.warningShare()),
                    outputs);
            SpatialAlerts.build(caseEvents, options.spatialAlerts(), outputs);
        } else if (sensorCases != null) {
            err.println("gridpulse: no cases file given: sensor alarms that report cases go to the cases topic only");
        }
        boolean faults = options.faultInjection();
        int taskManagers = faults ? 2 : 1;
        err.println("gridpulse: running the jobs (parallelism " + options.parallelism() + ", " + taskManagers
                + " TaskManager" + (faults ? "s, fault injection on" : "") + ") over " + total + " records");
        // Under fault injection the job's slots are split over both TaskManagers, so that the one
        // killed surely runs tasks; a replacement brings the lost slots back.
        int slots = faults ? (options.parallelism() + 1) / 2 : options.parallelism();
        MiniClusterConfiguration mcc = new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slots)
                .build();
        List<FaultInjector.Fault> injected = List.of();
        int restarts;
        try (MiniCluster cluster = new MiniCluster(mcc)) {
            cluster.start();
            JobID job = cluster.submitJob(env.getStreamGraph()).get().getJobID();
            var result = cluster.requestJobResult(job);
            FaultInjector injector =
                    faults ? new FaultInjector(cluster, taskManagers, localClickHouse, err, started) : null;
            long lastPrint = 0;
            int restartsSeen = 0;
            while (!result.isDone()) {
                Thread.sleep(200);
                AccessExecutionGraph graph = executionGraph(cluster, job);
                if (graph == null) {
                    continue;
                }
                int nowRestarts = maxAttempt(graph);
                if (nowRestarts > restartsSeen) {
                    restartsSeen = nowRestarts;
                    err.println("gridpulse: tasks failed and are restarting from their last checkpoint (restart "
                            + restartsSeen + "; the cause is logged above); results stay exact, the progress"
                            + " counts now include replayed records");
                }
                if (injector != null) {
                    injector.poll(
                            ProgressCounters.get(ProgressCounters.READ),
                            graph.getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints());
                }
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
            JobResult jobResult = result.get();
            restarts = Math.max(
                    restartsSeen,
                    maxAttempt(cluster.getArchivedExecutionGraph(job).get()));
            if (!jobResult.isSuccess()) {
                Throwable cause = jobResult
                        .getSerializedThrowable()
                        .map(t -> t.deserializeError(LocalRun.class.getClassLoader()))
                        .orElse(null);
                throw new IllegalStateException("the jobs failed: " + cause, cause);
            }
            if (injector != null) {
                if (!injector.injected()) {
                    throw new IllegalStateException("--fault-injection: the jobs finished before a checkpoint"
                            + " completed, so no fault was injected; give a larger feed");
                }
                injected = injector.faults();
            }
        }
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
        return new Result(results, Duration.ofNanos(System.nanoTime() - started), restarts, injected);
    }

    /** The job's execution graph now, or null while it is not available (being created or archived). */
    private static AccessExecutionGraph executionGraph(MiniCluster cluster, JobID job) {
        try {
            return cluster.getExecutionGraph(job).get();
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * How many times tasks were restarted: the highest attempt number of any task. A failover
     * restarts only the affected pipelined regions, so the job's status need not pass RESTARTING.
     */
    static int maxAttempt(AccessExecutionGraph graph) {
        int max = 0;
        for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
            max = Math.max(max, v.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return max;
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
