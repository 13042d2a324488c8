package io.gridpulse.flink.sensors;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Count, min, max, sum and the latest reading (by event time) of one sensor-type and hour. */
public final class SummariseReadings
        implements AggregateFunction<ReadingRow, SummariseReadings.Acc, SummariseReadings.Acc> {

    /** Running summary. */
    public record Acc(long n, double min, double max, double sum, long lastTime, double last, String gridCode) {}

    @Override
    public Acc createAccumulator() {
        return new Acc(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, Long.MIN_VALUE, Double.NaN, "");
    }

    @Override
    public Acc add(ReadingRow r, Acc a) {
        double v = r.reading().value();
        long t = r.reading().time();
        boolean later = t >= a.lastTime();
        return new Acc(
                a.n() + 1,
                Math.min(a.min(), v),
                Math.max(a.max(), v),
                a.sum() + v,
                later ? t : a.lastTime(),
                later ? v : a.last(),
                r.located().gridCode());
    }

    @Override
    public Acc getResult(Acc a) {
        return a;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        boolean bLater = b.lastTime() >= a.lastTime();
        return new Acc(
                a.n() + b.n(),
                Math.min(a.min(), b.min()),
                Math.max(a.max(), b.max()),
                a.sum() + b.sum(),
                bLater ? b.lastTime() : a.lastTime(),
                bLater ? b.last() : a.last(),
                b.gridCode());
    }

    /** Names the summary with its sensor, type and hour. */
    public static final class Emit extends ProcessWindowFunction<Acc, SensorHourly, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Acc> in, Collector<SensorHourly> out) {
            String[] k = key.split("\u0000", -1);
            Acc a = in.iterator().next();
            out.collect(new SensorHourly(
                    ctx.window().getStart(),
                    k[0],
                    k[1],
                    a.gridCode(),
                    a.n(),
                    a.min(),
                    a.max(),
                    a.sum() / a.n(),
                    a.last(),
                    System.currentTimeMillis()));
        }
    }
}
