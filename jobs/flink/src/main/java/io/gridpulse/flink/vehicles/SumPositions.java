package io.gridpulse.flink.vehicles;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Sums positions and step lengths of one vehicle and hour. */
public final class SumPositions implements AggregateFunction<PositionRow, SumPositions.Acc, SumPositions.Acc> {

    /** Running totals; the vehicle type of the latest position names the row. */
    public record Acc(long positions, double km, String vehicleType) {}

    @Override
    public Acc createAccumulator() {
        return new Acc(0, 0.0, "");
    }

    @Override
    public Acc add(PositionRow p, Acc a) {
        return new Acc(a.positions() + 1, a.km() + p.stepKm(), p.vehicleType());
    }

    @Override
    public Acc getResult(Acc a) {
        return a;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        return new Acc(a.positions() + b.positions(), a.km() + b.km(), b.vehicleType());
    }

    /** Names the totals with the vehicle and hour. */
    public static final class Emit extends ProcessWindowFunction<Acc, VehicleHourly, String, TimeWindow> {
        @Override
        public void process(String vehicleId, Context ctx, Iterable<Acc> totals, Collector<VehicleHourly> out) {
            Acc a = totals.iterator().next();
            out.collect(new VehicleHourly(
                    ctx.window().getStart(),
                    vehicleId,
                    a.vehicleType(),
                    a.positions(),
                    a.km(),
                    System.currentTimeMillis()));
        }
    }
}
