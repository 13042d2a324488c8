package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.geo.Haversine;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by vehicle: the great-circle length of the step from the previous position, taken in
 * time order. A step across a gap over {@code maxGapMillis} counts for nothing, and a position
 * older than the last one (possible only in live mode) adds no step. The trajectory cleaning of
 * the vehicles issue (speed filter, jumps) refines this.
 */
public final class VehicleSteps extends KeyedProcessFunction<String, PositionRow, PositionRow> {

    /** The last position of a vehicle. */
    public record Last(long time, double lon, double lat) {}

    private final long maxGapMillis;
    private transient ValueState<Last> last;

    public VehicleSteps(long maxGapMillis) {
        this.maxGapMillis = maxGapMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", TypeInformation.of(Last.class)));
    }

    @Override
    public void processElement(PositionRow row, Context ctx, Collector<PositionRow> out) throws Exception {
        Last prev = last.value();
        long t = row.position().time();
        double lon = row.located().lon();
        double lat = row.located().lat();
        if (prev != null && t <= prev.time()) {
            out.collect(row);
            return;
        }
        double km = 0.0;
        if (prev != null && t - prev.time() <= maxGapMillis) {
            km = Haversine.meters(prev.lon(), prev.lat(), lon, lat) / 1000.0;
        }
        last.update(new Last(t, lon, lat));
        out.collect(row.withStepKm(km));
    }
}
