package io.gridpulse.flink.sensors;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.common.FeedPipeline;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ReferenceData;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The sensor feed: located readings to {@code sensor_readings}, hourly count/min/max/avg/last per
 * sensor and type (with the sensor's grid) to {@code sensor_hourly}, and the sensor rules
 * ({@link SensorWatch}): SENSOR_ALARM and SENSOR_SILENT alerts, and for alarms of rules with a
 * categoryCode a REPORTED case event on the cases topic.
 *
 * <p>How a sensor case reaches the case workflow: in live mode the case job reads the cases
 * topic, which now carries the event. A process run reads only the offsets it published itself
 * (never what its own jobs publish during the run), so {@link #build} also returns the events
 * and the caller unions them into the case pipeline after its deduplication: they are counted
 * once (as case events, not as input records of the cases feed; their ids derive from the alert
 * id, so a replay cannot make a second case).
 */
public final class SensorIngestJob {

    private final JobSettings settings;
    private final ReferenceData reference;
    private final Source<FeedRecord, ?, ?> source;
    private final Outputs outputs;
    private final SensorRuleSettings rules;

    public SensorIngestJob(
            JobSettings settings, ReferenceData reference, Source<FeedRecord, ?, ?> source, Outputs outputs) {
        this(settings, reference, source, outputs, defaultRules(settings));
    }

    public SensorIngestJob(
            JobSettings settings,
            ReferenceData reference,
            Source<FeedRecord, ?, ?> source,
            Outputs outputs,
            SensorRuleSettings rules) {
        this.settings = settings;
        this.reference = reference;
        this.source = source;
        this.outputs = outputs;
        this.rules = rules;
    }

    public static SensorRuleSettings defaultRules(JobSettings settings) {
        SensorRuleSettings d = SensorRuleSettings.defaults();
        return settings.live() ? d : d.withOutOfOrderTolerance(Duration.ZERO);
    }

    /** Adds the pipeline; returns the REPORTED events of sensor alarms (already on the cases topic). */
    public DataStream<FeedRecord> build(StreamExecutionEnvironment env) {
        DataStream<ReadingRow> readings = FeedPipeline.distinctValid(env, settings, Feed.SENSORS, source, outputs)
                .map(new LocateReading(reference))
                .returns(TypeInformation.of(ReadingRow.class))
                .name("sensors-locate")
                .uid("sensors-locate");
        readings.sinkTo(outputs.tableSink(SensorTables.READINGS))
                .name("sensor-readings-clickhouse")
                .uid("sensor-readings-clickhouse");
        readings.keyBy(SensorIngestJob::key)
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .allowedLateness(settings.allowedLateness())
                .aggregate(new SummariseReadings(), new SummariseReadings.Emit())
                .name("sensor-hourly")
                .uid("sensor-hourly")
                .sinkTo(outputs.tableSink(SensorTables.HOURLY))
                .name("sensor-hourly-clickhouse")
                .uid("sensor-hourly-clickhouse");
        SingleOutputStreamOperator<Alert> alerts = readings.keyBy(SensorIngestJob::key)
                .process(
                        new SensorWatch(rules, reference, settings.live(), settings.asOfMillis()),
                        TypeInformation.of(Alert.class))
                .name("sensors-rules")
                .uid("sensors-rules");
        outputs.alerts(alerts, "sensors");
        DataStream<FeedRecord> cases = alerts.getSideOutput(SensorWatch.CASES);
        outputs.sensorCases(cases);
        return cases;
    }

    static String key(ReadingRow r) {
        return r.reading().sensorId() + "\u0000" + r.reading().type();
    }
}
