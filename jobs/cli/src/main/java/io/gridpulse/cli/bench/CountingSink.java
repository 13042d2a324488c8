package io.gridpulse.cli.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Counts what reaches it, by name, in this JVM (the benchmark's MiniCluster). */
final class CountingSink<T> implements Sink<T> {

    static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private final String name;

    CountingSink(String name) {
        this.name = name;
    }

    static long count(String name) {
        LongAdder a = COUNTS.get(name);
        return a == null ? 0 : a.sum();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        LongAdder a = COUNTS.computeIfAbsent(name, k -> new LongAdder());
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                a.increment();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
