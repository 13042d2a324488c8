package io.gridpulse.flink.sensors;

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
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The sensor feed: located readings to {@code sensor_readings}, hourly min/max/avg/last per
 * sensor and type to {@code sensor_hourly}.
 */
public final class SensorIngestJob {

    private final JobSettings settings;
    private final ReferenceData reference;
    private final Source<FeedRecord, ?, ?> source;
    private final Outputs outputs;

    public SensorIngestJob(
            JobSettings settings, ReferenceData reference, Source<FeedRecord, ?, ?> source, Outputs outputs) {
        this.settings = settings;
        this.reference = reference;
        this.source = source;
        this.outputs = outputs;
    }

    public DataStream<ReadingRow> build(StreamExecutionEnvironment env) {
        DataStream<ReadingRow> readings = FeedPipeline.distinctValid(env, settings, Feed.SENSORS, source, outputs)
                .map(new LocateReading(reference))
                .returns(TypeInformation.of(ReadingRow.class))
                .name("sensors-locate")
                .uid("sensors-locate");
        readings.sinkTo(outputs.tableSink(SensorTables.READINGS))
                .name("sensor-readings-clickhouse")
                .uid("sensor-readings-clickhouse");
        readings.keyBy(r -> r.reading().sensorId() + "\u0000" + r.reading().type())
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .allowedLateness(settings.allowedLateness())
                .aggregate(new SummariseReadings(), new SummariseReadings.Emit())
                .name("sensor-hourly")
                .uid("sensor-hourly")
                .sinkTo(outputs.tableSink(SensorTables.HOURLY))
                .name("sensor-hourly-clickhouse")
                .uid("sensor-hourly-clickhouse");
        return readings;
    }
}
