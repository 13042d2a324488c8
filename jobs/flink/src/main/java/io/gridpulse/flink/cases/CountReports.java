package io.gridpulse.flink.cases;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Counts the reports of one key and hour window. */
public final class CountReports implements AggregateFunction<CaseEventRow, Long, Long> {

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(CaseEventRow value, Long acc) {
        return acc + 1;
    }

    @Override
    public Long getResult(Long acc) {
        return acc;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }

    /** Names the window's count with its key parts and hour. */
    public static final class Emit extends ProcessWindowFunction<Long, CaseHourly, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Long> counts, Collector<CaseHourly> out) {
            String[] k = key.split("\u0000", -1);
            long n = counts.iterator().next();
            out.collect(new CaseHourly(ctx.window().getStart(), k[0], k[1], k[2], n, System.currentTimeMillis()));
        }
    }
}
