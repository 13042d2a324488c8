package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.alert.Alert;
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
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The vehicle GPS feed: located positions to {@code vehicle_positions} (raw, before cleaning);
 * per vehicle, in time order ({@link VehicleTrack}): trajectory cleaning, {@code vehicle_hourly},
 * {@code vehicle_daily}, {@code vehicle_grid_daily} (summed by the {@code grid_daily_coverage}
 * view) and the alerts ZONE_VIOLATION, DUMPING_SUSPECTED and VEHICLE_SILENT.
 */
public final class VehicleIngestJob {

    private final JobSettings settings;
    private final ReferenceData reference;
    private final Source<FeedRecord, ?, ?> source;
    private final Outputs outputs;
    private final VehicleRuleSettings rules;

    public VehicleIngestJob(
            JobSettings settings, ReferenceData reference, Source<FeedRecord, ?, ?> source, Outputs outputs) {
        this(settings, reference, source, outputs, defaultRules(settings, reference));
    }

    public VehicleIngestJob(
            JobSettings settings,
            ReferenceData reference,
            Source<FeedRecord, ?, ?> source,
            Outputs outputs,
            VehicleRuleSettings rules) {
        this.settings = settings;
        this.reference = reference;
        this.source = source;
        this.outputs = outputs;
        this.rules = rules;
    }

    /**
     * The defaults in the calendar's zone; a process run needs no out-of-order tolerance
     * (its watermark is exact).
     */
    public static VehicleRuleSettings defaultRules(JobSettings settings, ReferenceData reference) {
        VehicleRuleSettings d = VehicleRuleSettings.defaults(reference.timeZone());
        return settings.live() ? d : d.withOutOfOrderTolerance(Duration.ZERO);
    }

    /** Adds the pipeline; returns the vehicle alerts. */
    public DataStream<Alert> build(StreamExecutionEnvironment env) {
        DataStream<PositionRow> positions = FeedPipeline.distinctValid(env, settings, Feed.VEHICLES, source, outputs)
                .map(new LocatePosition(reference))
                .returns(TypeInformation.of(PositionRow.class))
                .name("vehicles-locate")
                .uid("vehicles-locate");
        positions
                .sinkTo(outputs.tableSink(VehicleTables.POSITIONS))
                .name("vehicle-positions-clickhouse")
                .uid("vehicle-positions-clickhouse");
        // Deduplication is keyed by vehicleId already (Deduplicate.entity) and the steps since are
        // forward: the track reuses that partitioning instead of shuffling every position again.
        SingleOutputStreamOperator<Alert> alerts = DataStreamUtils.reinterpretAsKeyedStream(
                        positions, VehicleIngestJob::vehicle, Types.STRING)
                .process(
                        // a bounded run reads what `process` published sorted by event time
                        new VehicleTrack(rules, reference, settings.live(), settings.asOfMillis(), !settings.live()),
                        TypeInformation.of(Alert.class))
                .name("vehicles-track")
                .uid("vehicles-track");
        alerts.getSideOutput(VehicleTrack.HOURLY)
                .sinkTo(outputs.tableSink(VehicleTables.HOURLY))
                .name("vehicle-hourly-clickhouse")
                .uid("vehicle-hourly-clickhouse");
        alerts.getSideOutput(VehicleTrack.DAILY)
                .sinkTo(outputs.tableSink(VehicleTables.DAILY))
                .name("vehicle-daily-clickhouse")
                .uid("vehicle-daily-clickhouse");
        alerts.getSideOutput(VehicleTrack.GRID_DAY)
                .sinkTo(outputs.tableSink(VehicleTables.GRID_DAY))
                .name("vehicle-grid-daily-clickhouse")
                .uid("vehicle-grid-daily-clickhouse");
        outputs.alerts(alerts, "vehicles");
        return alerts;
    }

    private static String vehicle(PositionRow p) {
        return p.position().vehicleId();
    }
}
