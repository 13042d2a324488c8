package io.gridpulse.cli.bench;

import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Replays records prepared in this JVM (the benchmarks run on a local MiniCluster), in their
 * list order, from one source subtask with monotonous event-time watermarks: the source is not
 * what is measured. Not thread-safe across benchmarks run at the same time.
 */
final class BenchSource {

    private static volatile List<?> records;
    private static volatile ToLongFunction<Object> times;

    private BenchSource() {}

    @SuppressWarnings("unchecked")
    static <T> DataStream<T> of(
            StreamExecutionEnvironment env, List<T> list, ToLongFunction<T> time, TypeInformation<T> type) {
        records = list;
        times = (ToLongFunction<Object>) time;
        return env.fromSequence(0, list.size() - 1)
                .setParallelism(1)
                .map(new Replay<T>())
                .returns(type)
                .setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<T>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> times.applyAsLong(r)))
                .setParallelism(1);
    }

    /** The i-th prepared record. */
    static final class Replay<T> implements MapFunction<Long, T> {
        @Override
        @SuppressWarnings("unchecked")
        public T map(Long i) {
            return (T) records.get(i.intValue());
        }
    }
}
