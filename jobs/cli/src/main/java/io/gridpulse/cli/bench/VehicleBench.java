package io.gridpulse.cli.bench;

import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.common.FeedDecoders;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.ProgressCounters;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.ReferencePaths;
import io.gridpulse.flink.vehicles.LocatePosition;
import io.gridpulse.flink.vehicles.PositionRow;
import io.gridpulse.flink.vehicles.VehicleRuleSettings;
import io.gridpulse.flink.vehicles.VehicleTrack;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code ./gridpulse bench vehicles [--vehicles N] [--days D] [--parallelism P]}: vehicle
 * positions per second through grid assignment, trajectory cleaning, metrics and rules
 * ({@link LocatePosition} then {@link VehicleTrack}) on a local MiniCluster at parallelism 2, on
 * the demo city's positions (generated in a temporary folder, decoded once before timing). Kafka
 * and ClickHouse are left out: their sinks are replaced by counters. Prints one line per run
 * (the first run warms the JVM up) and a final line {@code vehicles: <n> positions, <r>
 * positions/s at parallelism 2, ...}. Not a test.
 */
public final class VehicleBench {

    private VehicleBench() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int vehicles = 300;
        int days = 2;
        int parallelism = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vehicles" -> vehicles = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("gridpulse-bench-vehicles");
        err.printf("bench vehicles: generating %d vehicles over %d days in %s%n", vehicles, days, dir);
        DemoCity.generate(
                DemoOptions.builder()
                        .cases(100)
                        .vehicles(vehicles)
                        .vehicleDays(days)
                        .sensors(20)
                        .sensorDays(1)
                        .badShare(0)
                        .redeliveryShare(0)
                        .outOfOrder(0, 0)
                        .oversizedLine(false)
                        .build(),
                dir);
        ReferenceData ref = ReferenceData.read(new ReferencePaths(
                dir.resolve("grids.geojson"),
                null,
                dir.resolve("catalog.csv"),
                dir.resolve("calendar.json"),
                null,
                dir.resolve("vehicles-ref.csv"),
                dir.resolve("sensors-ref.csv"),
                dir.resolve("zones.geojson"),
                dir.resolve("sensor-rules.csv")));
        FeedDecoders decoders = new FeedDecoders(Feed.VEHICLES, ref, "bench");
        List<FeedRecord> records = new ArrayList<>();
        long now = System.currentTimeMillis() + Duration.ofDays(3650).toMillis();
        for (String line : Files.readAllLines(dir.resolve("vehicles.jsonl"), StandardCharsets.UTF_8)) {
            FeedRecord r = decoders.decode(line.getBytes(StandardCharsets.UTF_8), now, "bench");
            if (r.position() != null) {
                records.add(r);
            }
        }
        records.sort(Comparator.comparingLong(FeedRecord::eventTime));
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        err.printf("bench vehicles: %,d positions decoded%n", records.size());
        double best = 0;
        for (int run = 1; run <= 3; run++) {
            ProgressCounters.reset();
            CountingSink.COUNTS.clear();
            Configuration conf = new Configuration();
            conf.set(PipelineOptions.GENERIC_TYPES, false);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
            VehicleRuleSettings rules =
                    VehicleRuleSettings.defaults(ref.timeZone()).withOutOfOrderTolerance(Duration.ZERO);
            SingleOutputStreamOperator<Alert> alerts = BenchSource.of(
                            env, records, FeedRecord::eventTime, TypeInformation.of(FeedRecord.class))
                    .rebalance()
                    .map(new LocatePosition(ref))
                    .returns(TypeInformation.of(PositionRow.class))
                    .keyBy(p -> p.position().vehicleId())
                    .process(new VehicleTrack(rules, ref, false, Long.MAX_VALUE), TypeInformation.of(Alert.class));
            alerts.sinkTo(new CountingSink<>("alerts"));
            alerts.getSideOutput(VehicleTrack.HOURLY).sinkTo(new CountingSink<>("hourly"));
            alerts.getSideOutput(VehicleTrack.DAILY).sinkTo(new CountingSink<>("daily"));
            alerts.getSideOutput(VehicleTrack.GRID_DAY).sinkTo(new CountingSink<>("gridDay"));
            long t0 = System.nanoTime();
            env.execute("bench vehicles");
            double s = (System.nanoTime() - t0) / 1e9;
            double rate = records.size() / s;
            best = Math.max(best, rate);
            out.printf(
                    Locale.ROOT,
                    "vehicles run %d: %,d positions in %.2f s = %,.0f positions/s; alerts %d, hourly rows %d, daily rows"
                            + " %d, grid-day rows %d, dropped too fast %d%n",
                    run,
                    records.size(),
                    s,
                    rate,
                    CountingSink.count("alerts"),
                    CountingSink.count("hourly"),
                    CountingSink.count("daily"),
                    CountingSink.count("gridDay"),
                    ProgressCounters.get("vehicles.cleaning.dropped.TOO_FAST"));
        }
        out.printf(
                Locale.ROOT,
                "vehicles: %,d positions, best %,.0f positions/s at parallelism %d (grid assignment, cleaning,"
                        + " metrics, rules; %d cores)%n",
                records.size(),
                best,
                parallelism,
                Runtime.getRuntime().availableProcessors());
        return 0;
    }
}
