package io.gridpulse.cli.bench;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.reference.SensorRule;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.sensors.ReadingRow;
import io.gridpulse.flink.sensors.SensorRuleSettings;
import io.gridpulse.flink.sensors.SensorWatch;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * {@code ./gridpulse bench cep [--sensors N] [--readings M]}: the SENSOR_ALARM rule "N
 * consecutive readings past a threshold" written two ways, on the same readings at parallelism
 * 2: as a CEP pattern ({@code times(n).consecutive()}, skip past the last event) and as the
 * hand-written keyed function the job uses ({@link SensorWatch}). Prints readings per second of
 * each, their ratio and the alarms each found (the CEP version, lacking "one alarm per episode",
 * fires again after each further n readings of a long episode). Not a test.
 */
public final class CepBench {

    private CepBench() {}

    private static final String RULES =
            "type,operator,threshold,consecutive,severity,categoryCode\n" + "BIN_FILL,>=,90,3,WARNING,\n";

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int sensors = 2000;
        int readings = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sensors" -> sensors = Integer.parseInt(args[++i]);
                case "--readings" -> readings = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<ReadingRow> rows = readings(sensors, readings);
        ReferenceData ref = new ReferenceData(
                "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8),
                Crs.WGS84,
                "code,kind,major,minor,name,limit\n".getBytes(StandardCharsets.UTF_8),
                null,
                null,
                null,
                null,
                null,
                RULES.getBytes(StandardCharsets.UTF_8));
        SensorRule rule = ref.sensorRules().all().get(0);
        double keyed = 0;
        double cep = 0;
        for (int round = 1; round <= 3; round++) {
            CountingSink.COUNTS.clear();
            double k = time(rows, env -> keyed(env, rows, ref));
            double c = time(rows, env -> cep(env, rows, rule));
            keyed = Math.max(keyed, k);
            cep = Math.max(cep, c);
            out.printf(
                    Locale.ROOT,
                    "cep round %d: keyed function %,.0f readings/s (%d alarms), CEP %,.0f readings/s (%d matches)%n",
                    round,
                    k,
                    CountingSink.count("keyed"),
                    c,
                    CountingSink.count("cep"));
        }
        out.printf(
                Locale.ROOT,
                "cep: %,d readings of %d sensors at parallelism 2: keyed function %,.0f/s, CEP %,.0f/s, keyed/CEP %.2f%n",
                rows.size(),
                sensors,
                keyed,
                cep,
                keyed / cep);
        return 0;
    }

    interface Job {
        void build(StreamExecutionEnvironment env);
    }

    private static double time(List<ReadingRow> rows, Job job) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        job.build(env);
        long t0 = System.nanoTime();
        env.execute("bench cep");
        return rows.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static KeyedStream<ReadingRow, String> keyedReadings(
            StreamExecutionEnvironment env, List<ReadingRow> rows) {
        return BenchSource.of(env, rows, r -> r.reading().time(), TypeInformation.of(ReadingRow.class))
                .keyBy(r -> r.reading().sensorId());
    }

    private static void keyed(StreamExecutionEnvironment env, List<ReadingRow> rows, ReferenceData ref) {
        SensorRuleSettings s = new SensorRuleSettings(
                3, Map.of(), Duration.ofDays(365), Duration.ZERO, Duration.ofMinutes(2), Duration.ofDays(7));
        DataStream<Alert> alerts = keyedReadings(env, rows)
                .process(new SensorWatch(s, ref, false, Long.MAX_VALUE), TypeInformation.of(Alert.class));
        alerts.filter(a -> a.revision() == 0 && a.type() == io.gridpulse.domain.alert.AlertType.SENSOR_ALARM)
                .sinkTo(new CountingSink<>("keyed"));
    }

    private static void cep(StreamExecutionEnvironment env, List<ReadingRow> rows, SensorRule rule) {
        Pattern<ReadingRow, ?> p = Pattern.<ReadingRow>begin("run", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(new AtLeast(rule.threshold()))
                .times(rule.consecutive())
                .consecutive();
        CEP.pattern(keyedReadings(env, rows), p)
                .inEventTime()
                .process(
                        new PatternProcessFunction<ReadingRow, Long>() {
                            @Override
                            public void processMatch(
                                    Map<String, List<ReadingRow>> match, Context ctx, Collector<Long> out) {
                                List<ReadingRow> run = match.get("run");
                                out.collect(run.get(run.size() - 1).reading().time());
                            }
                        },
                        TypeInformation.of(Long.class))
                .sinkTo(new CountingSink<>("cep"));
    }

    /** The rule's condition (>=), serializable for CEP. */
    static final class AtLeast extends SimpleCondition<ReadingRow> {
        private final double threshold;

        AtLeast(double threshold) {
            this.threshold = threshold;
        }

        @Override
        public boolean filter(ReadingRow r) {
            return r.reading().value() >= threshold;
        }
    }

    /** Bin fill levels rising through the day and emptied, with overflow episodes. */
    static List<ReadingRow> readings(int sensors, int perSensor) {
        SplittableRandom r = new SplittableRandom(11);
        List<ReadingRow> out = new ArrayList<>(sensors * perSensor);
        long base = 1_790_000_000_000L;
        double[] level = new double[sensors];
        Located at = new Located(120.0, 30.0, "", "", "", "");
        for (int k = 0; k < perSensor; k++) {
            for (int s = 0; s < sensors; s++) {
                level[s] = level[s] > 100 || r.nextInt(40) == 0 ? r.nextDouble(10) : level[s] + r.nextDouble(6);
                out.add(new ReadingRow(
                        new SensorReading(
                                "S" + s,
                                base + k * 600_000L + s,
                                "BIN_FILL",
                                Math.min(100, level[s]),
                                "%",
                                null,
                                null,
                                null),
                        at,
                        0));
            }
        }
        return out;
    }
}
