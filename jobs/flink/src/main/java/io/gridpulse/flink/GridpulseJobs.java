package io.gridpulse.flink;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Migrations;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings.Mode;
import io.gridpulse.flink.alerts.deadline.AlertSettings;
import io.gridpulse.flink.alerts.deadline.CaseClockAlerts;
import io.gridpulse.flink.alerts.spatial.SpatialAlertSettings;
import io.gridpulse.flink.alerts.spatial.SpatialAlerts;
import io.gridpulse.flink.cases.CaseIngestJob;
import io.gridpulse.flink.cases.workflow.CaseWorkflowJob;
import io.gridpulse.flink.common.FeedDecoders;
import io.gridpulse.flink.common.FeedSource;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.ReferencePaths;
import io.gridpulse.flink.sensors.SensorIngestJob;
import io.gridpulse.flink.vehicles.VehicleIngestJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the shaded jar for {@code flink run}: one live job per feed, reading its topic
 * continuously. Example (docs/deployment.md):
 *
 * <pre>
 * CLICKHOUSE_URL=http://ch:8123 flink run -c io.gridpulse.flink.GridpulseJobs gridpulse-flink-jobs.jar \
 *   --job cases --kafka kafka:9092 --grids grids.geojson --catalog catalog.csv --calendar calendar.json
 * </pre>
 *
 * ClickHouse credentials come only from the environment (CLICKHOUSE_URL, CLICKHOUSE_USER,
 * CLICKHOUSE_PASSWORD or CLICKHOUSE_PASSWORD_FILE); the phone hash key from
 * GRIDPULSE_PHONE_HASH_KEY or GRIDPULSE_PHONE_HASH_KEY_FILE.
 */
public final class GridpulseJobs {

    static final Set<String> OPTIONS = Set.of(
            "job",
            "kafka",
            "grids",
            "grids-crs",
            "catalog",
            "calendar",
            "zones",
            "sensor-rules",
            "departments",
            "vehicles-ref",
            "sensors-ref",
            "parallelism",
            "allowed-lateness-hours",
            "case-retention-hours",
            "out-of-orderness-seconds",
            "checkpoint-seconds",
            "kafka-property-file",
            "warning-share",
            "alert-grace-seconds",
            "hotspot-rules",
            "hotspot-k",
            "hotspot-window-minutes",
            "duplicate-meters",
            "duplicate-minutes");

    private GridpulseJobs() {}

    public static void main(String[] argv) throws Exception {
        Args a = Args.parse(argv, OPTIONS, Set.of());
        Map<String, String> env = System.getenv();
        String job = required(a, "job");
        ClickHouseSettings ch = ClickHouseSettings.fromEnvironment(env);
        if (ch == null) {
            throw new IllegalArgumentException("set CLICKHOUSE_URL (and CLICKHOUSE_USER, CLICKHOUSE_PASSWORD)");
        }
        Map<String, String> kafkaProps = new HashMap<>();
        if (a.get("kafka-property-file") != null) {
            java.util.Properties p = new java.util.Properties();
            try (var in = java.nio.file.Files.newInputStream(Path.of(a.get("kafka-property-file")))) {
                p.load(in);
            }
            p.forEach((k, v) -> kafkaProps.put(k.toString(), v.toString()));
        }
        JobSettings s = new JobSettings(
                a.get("kafka", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")),
                kafkaProps,
                ch,
                Mode.LIVE,
                Long.MAX_VALUE,
                Duration.ofHours(Long.parseLong(a.get("allowed-lateness-hours", "168"))),
                Duration.ofSeconds(Long.parseLong(a.get("out-of-orderness-seconds", "120"))),
                JobSettings.DEFAULT_IDLENESS,
                Duration.ofSeconds(Long.parseLong(a.get("checkpoint-seconds", "10"))),
                JobSettings.DEFAULT_SINK_BATCH_SIZE,
                Integer.parseInt(a.get("parallelism", "2")),
                PhoneKey.required(env));
        ReferenceData ref = ReferenceData.read(new ReferencePaths(
                Path.of(required(a, "grids")),
                Crs.valueOf(a.get("grids-crs", "WGS84")),
                Path.of(required(a, "catalog")),
                path(a.get("calendar")),
                path(a.get("departments")),
                path(a.get("vehicles-ref")),
                path(a.get("sensors-ref")),
                path(a.get("zones")),
                path(a.get("sensor-rules"))));
        Migrations.apply(ch);
        StreamExecutionEnvironment e = Environments.forCluster(s);
        Outputs outputs = new Outputs(s);
        switch (job) {
            case "cases" -> {
                if (a.get("calendar") == null) {
                    throw new IllegalArgumentException("the cases job needs --calendar (the working calendar)");
                }
                Duration retention = a.get("case-retention-hours") == null
                        ? s.allowedLateness()
                        : Duration.ofHours(Long.parseLong(a.get("case-retention-hours")));
                var caseEvents = new CaseIngestJob(s, ref, source(s, Feed.CASES, ref), outputs).build(e);
                var byCase = new CaseWorkflowJob(s, ref, outputs, retention).build(caseEvents);
                CaseClockAlerts.wire(
                        byCase,
                        s,
                        ref,
                        AlertSettings.defaults()
                                .withWarningShare(Double.parseDouble(a.get("warning-share", "0.8")))
                                .withGrace(Duration.ofSeconds(Long.parseLong(a.get("alert-grace-seconds", "0"))))
                                .withRetention(retention),
                        outputs);
                SpatialAlerts.build(caseEvents, SpatialAlertSettings.fromOptions(a::get), outputs);
            }
            case "vehicles" -> new VehicleIngestJob(s, ref, source(s, Feed.VEHICLES, ref), outputs).build(e);
            case "sensors" -> new SensorIngestJob(s, ref, source(s, Feed.SENSORS, ref), outputs).build(e);
            default -> throw new IllegalArgumentException("--job must be cases, vehicles or sensors, got " + job);
        }
        e.execute("gridpulse-" + job);
    }

    private static org.apache.flink.connector.kafka.source.KafkaSource<io.gridpulse.flink.common.FeedRecord> source(
            JobSettings s, Feed feed, ReferenceData ref) {
        return FeedSource.live(s, feed, new FeedDecoders(feed, ref, s.phoneHashKey()));
    }

    private static String required(Args a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    private static Path path(String p) {
        return p == null ? null : Path.of(p);
    }
}
