package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Migrations;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.PhoneKey;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.KafkaTopics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./gridpulse process}: publishes the given files to the feed topics, runs every job over
 * exactly the records this run published (bounded, on a local Flink MiniCluster at the given
 * parallelism), waits until all is written, records the as-of time and prints a summary.
 */
final class ProcessCommand {

    private ProcessCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        ProcessOptions options = ProcessOptions.parse(args, DemoCityFiles.referenceDefaults(err));
        Endpoints endpoints = Connections.endpoints(true, err);
        ClickHouseSettings ch = Connections.clickHouse(endpoints);
        RunReport report = process(options, endpoints, ch, err);
        Summary.print(report, ch, out);
        return 0;
    }

    /** Runs a whole `process`; tests give their own endpoints and database. */
    static RunReport process(ProcessOptions options, Endpoints endpoints, ClickHouseSettings ch, PrintStream err)
            throws Exception {
        AssessmentFile assessment = options.assessment() == null ? null : AssessmentFile.read(options.assessment());
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            if (options.reset()) {
                err.println("gridpulse: --reset: emptying database " + ch.database() + " and the gridpulse topics");
                try (var c = io.gridpulse.clickhouse.ClickHouseConnections.open(ch);
                        var st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + ch.database() + " SYNC");
                }
                topics.delete(allTopics());
            }
            topics.ensure(allTopics(), 2, (short) 1);
        }
        Migrations.apply(ch);
        if (assessment != null) {
            err.println("gridpulse: assessment settings from " + options.assessment() + ": " + assessment.values());
            assessment.write(ch);
        }

        long wallClock = System.currentTimeMillis();
        Map<Feed, Publisher.Published> published = new EnumMap<>(Feed.class);
        Map<Feed, Path> files = new EnumMap<>(Feed.class);
        if (options.cases() != null) {
            files.put(Feed.CASES, options.cases());
        }
        if (options.vehicles() != null) {
            files.put(Feed.VEHICLES, options.vehicles());
        }
        if (options.sensors() != null) {
            files.put(Feed.SENSORS, options.sensors());
        }
        for (var e : files.entrySet()) {
            err.println("gridpulse: publishing " + e.getValue() + " to "
                    + e.getKey().topic());
            published.put(
                    e.getKey(),
                    Publisher.publish(e.getKey(), e.getValue(), endpoints.kafkaBootstrap(), wallClock, err));
        }
        long asOf = options.asOf() != null ? options.asOf() : latestEventTime(published);
        String runId = UUID.randomUUID().toString();
        LocalRun run = new LocalRun(options, endpoints, ch, PhoneKey.fromEnvironment(System.getenv()));
        ReferenceTables.write(ch, run.reference());
        List<io.gridpulse.domain.codec.Rejection> tooLarge = new ArrayList<>();
        published.values().forEach(p -> tooLarge.addAll(p.tooLarge()));
        LocalRun.Result result = run.execute(published, asOf, tooLarge, err);
        ProgressTable.record(ch, published.keySet(), asOf, runId);
        return new RunReport(runId, asOf, published, result);
    }

    static List<String> allTopics() {
        List<String> t = new ArrayList<>();
        for (Feed f : Feed.values()) {
            t.add(f.topic());
        }
        t.add(Feed.REJECTED_TOPIC);
        t.add(Feed.ALERTS_TOPIC);
        return t;
    }

    private static long latestEventTime(Map<Feed, Publisher.Published> published) {
        long max = Long.MIN_VALUE;
        for (Publisher.Published p : published.values()) {
            max = Math.max(max, p.maxEventTime());
        }
        return max == Long.MIN_VALUE ? System.currentTimeMillis() : max;
    }
}
