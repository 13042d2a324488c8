package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.common.FeedPipeline;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ReferenceData;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The vehicle GPS feed: located positions to {@code vehicle_positions}, hourly positions and
 * distance per vehicle to {@code vehicle_hourly}.
 */
public final class VehicleIngestJob {

    /** A step across a longer silence counts for nothing (the vehicle was off or out of coverage). */
    public static final Duration MAX_STEP_GAP = Duration.ofMinutes(10);

    private final JobSettings settings;
    private final ReferenceData reference;
    private final Source<FeedRecord, ?, ?> source;
    private final Outputs outputs;

    public VehicleIngestJob(
            JobSettings settings, ReferenceData reference, Source<FeedRecord, ?, ?> source, Outputs outputs) {
        this.settings = settings;
        this.reference = reference;
        this.source = source;
        this.outputs = outputs;
    }

    public DataStream<PositionRow> build(StreamExecutionEnvironment env) {
        // Deduplication is keyed by vehicleId already (Deduplicate.entity): the steps and the hourly
        // windows reuse that partitioning instead of shuffling every position twice more.
        DataStream<PositionRow> located = FeedPipeline.distinctValid(env, settings, Feed.VEHICLES, source, outputs)
                .map(new LocatePosition(reference))
                .returns(TypeInformation.of(PositionRow.class))
                .name("vehicles-locate")
                .uid("vehicles-locate");
        DataStream<PositionRow> positions = DataStreamUtils.reinterpretAsKeyedStream(
                        located, VehicleIngestJob::vehicle, Types.STRING)
                .process(new VehicleSteps(MAX_STEP_GAP.toMillis()))
                .name("vehicles-steps")
                .uid("vehicles-steps");
        positions
                .sinkTo(outputs.tableSink(VehicleTables.POSITIONS))
                .name("vehicle-positions-clickhouse")
                .uid("vehicle-positions-clickhouse");
        DataStreamUtils.reinterpretAsKeyedStream(positions, VehicleIngestJob::vehicle, Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .allowedLateness(settings.allowedLateness())
                .aggregate(new SumPositions(), new SumPositions.Emit())
                .name("vehicle-hourly")
                .uid("vehicle-hourly")
                .sinkTo(outputs.tableSink(VehicleTables.HOURLY))
                .name("vehicle-hourly-clickhouse")
                .uid("vehicle-hourly-clickhouse");
        return positions;
    }

    private static String vehicle(PositionRow p) {
        return p.position().vehicleId();
    }
}
