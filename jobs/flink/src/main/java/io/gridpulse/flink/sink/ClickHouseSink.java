package io.gridpulse.flink.sink;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.RetryPolicy;
import io.gridpulse.clickhouse.TableWriter;
import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.flink.common.ProgressCounters;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Writes rows to a ClickHouse table in batches: when a batch is full, at every checkpoint (so a
 * checkpoint never completes with rows only in memory) and at the end of input. Tables are keyed
 * so that rows written again after a restart replace themselves, which makes the at-least-once
 * flush an exactly-once effect. Retriable failures are retried with backoff by {@link
 * TableWriter}; anything else fails the job with a message naming the table.
 */
public final class ClickHouseSink<T> implements Sink<T> {

    private final ClickHouseSettings settings;
    private final TableSpec<T> spec;
    private final int batchSize;
    private final RetryPolicy retry;

    public ClickHouseSink(ClickHouseSettings settings, TableSpec<T> spec, int batchSize) {
        this(settings, spec, batchSize, RetryPolicy.DEFAULT);
    }

    public ClickHouseSink(ClickHouseSettings settings, TableSpec<T> spec, int batchSize, RetryPolicy retry) {
        this.settings = settings;
        this.spec = spec;
        this.batchSize = batchSize;
        this.retry = retry;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Counter rows = context.metricGroup().counter("clickhouseRowsWritten");
        Counter flushes = context.metricGroup().counter("clickhouseFlushes");
        return new Writer<>(new TableWriter<>(settings, spec, retry), batchSize, rows, flushes);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final TableWriter<T> table;
        private final int batchSize;
        private final Counter rows;
        private final Counter flushes;

        Writer(TableWriter<T> table, int batchSize, Counter rows, Counter flushes) {
            this.table = table;
            this.batchSize = batchSize;
            this.rows = rows;
            this.flushes = flushes;
        }

        @Override
        public void write(T element, Context context) throws IOException, InterruptedException {
            try {
                // encoded now, while the element is in cache; the batch is bytes until the flush
                table.add(element);
            } catch (java.sql.SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (table.pending() >= batchSize) {
                flush(false);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            int n = table.pending();
            if (n == 0) {
                return;
            }
            try {
                table.flush();
            } catch (java.sql.SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
            rows.inc(n);
            flushes.inc();
            ProgressCounters.add(ProgressCounters.WRITTEN, n);
        }

        @Override
        public void close() {
            table.close();
        }
    }
}
