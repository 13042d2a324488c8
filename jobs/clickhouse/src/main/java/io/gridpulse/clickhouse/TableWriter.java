package io.gridpulse.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of rows to one ClickHouse table in the Native format ({@link NativeBlock}),
 * retrying retriable failures with exponential backoff. Values travel as typed binary, checked
 * against the column types the server reports (read once per writer), never as SQL text: no
 * value can alter a statement, and neither side spends its time rendering and parsing literals.
 * Every table gridpulse writes is keyed so that writing the same row twice leaves one row
 * (ReplacingMergeTree), which is what makes retries and replays after a restart safe.
 *
 * <p>A row is encoded when it is {@linkplain #add added}, while the caller still has it in
 * cache, and the batch is kept as bytes until {@link #flush}: a sink holds no row objects
 * between flushes, and a retry sends the same bytes again. Not thread-safe: one per writing task.
 */
public final class TableWriter<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    /** How a value becomes a row's columns (1-based, in the spec's column order). */
    public interface RowBinder<T> extends Serializable {
        void bind(Row row, T value);
    }

    /**
     * A table, its columns in binding order, and the binder.
     *
     * @param distinctKeys no two rows of a batch share the table's sorting key (raw events,
     *     deduplicated upstream by that key): the insert skips ClickHouse's collapsing of equal
     *     keys within the block ({@code optimize_on_insert}), which finds nothing to collapse
     *     there and cost a fifth of the server's CPU on the vehicle positions. Correctness never
     *     rests on it: rows replayed after a restart arrive in other blocks and collapse in merges,
     *     which every reader of a ReplacingMergeTree allows for already.
     */
    public record TableSpec<T>(String table, List<String> columns, RowBinder<T> binder, boolean distinctKeys)
            implements Serializable {

        public TableSpec(String table, List<String> columns, RowBinder<T> binder) {
            this(table, columns, binder, false);
        }

        /** This spec, for a table whose batches never repeat a key. */
        public TableSpec<T> withDistinctKeys() {
            return new TableSpec<>(table, columns, binder, true);
        }
    }

    /** How long one insert may take before it counts as a (retriable) failure. */
    private static final long INSERT_TIMEOUT_SECONDS = 300;

    private interface Attempt {
        void run() throws SQLException, InterruptedException;
    }

    private final ClickHouseSettings settings;
    private final TableSpec<T> spec;
    private final RetryPolicy retry;
    private final InsertSettings insertSettings = new InsertSettings();
    private final BinaryOutput buffer = new BinaryOutput();
    private Client client;
    private NativeBlock block;
    private long rowsWritten;
    private long retries;

    public TableWriter(ClickHouseSettings settings, TableSpec<T> spec, RetryPolicy retry) {
        this.settings = settings;
        this.spec = spec;
        this.retry = retry;
        if (spec.distinctKeys()) {
            insertSettings.serverSetting("optimize_on_insert", "0");
        }
    }

    /**
     * Encodes a row into the pending batch. A value its column cannot hold is a bug in the
     * binder: POISON, and the batch stays as it was before the call.
     */
    public void add(T row) throws SQLException, InterruptedException {
        if (block == null) {
            withRetries("reading the columns of " + spec.table(), () -> {
                block = new NativeBlock(spec.table(), spec.columns(), columnTypes());
            });
        }
        block.startRow();
        try {
            spec.binder().bind(block, row);
            block.endRow();
        } catch (RuntimeException e) {
            block.abortRow();
            throw new SQLException("a row for " + spec.table() + " cannot be written (POISON)", e);
        }
    }

    /** Rows added since the last flush. */
    public int pending() {
        return block == null ? 0 : block.rows();
    }

    /** Sends the pending rows, retrying as the policy allows; throws when it gives up or the failure is not retriable. */
    public void flush() throws SQLException, InterruptedException {
        int n = pending();
        if (n == 0) {
            return;
        }
        buffer.reset();
        block.writeTo(buffer);
        withRetries("writing " + n + " rows to " + spec.table(), () -> insert(n));
        rowsWritten += n;
        block.reset();
    }

    /** Adds the rows and flushes them: all are written, or (a POISON row among them) none. */
    public void write(List<T> rows) throws SQLException, InterruptedException {
        if (pending() != 0) {
            throw new IllegalStateException("write(rows) with " + pending() + " rows added and not flushed");
        }
        try {
            for (T row : rows) {
                add(row);
            }
        } catch (SQLException | RuntimeException e) {
            if (block != null) {
                block.reset();
            }
            throw e;
        }
        flush();
    }

    private void withRetries(String what, Attempt attempt) throws SQLException, InterruptedException {
        int attempts = 0;
        while (true) {
            try {
                attempt.run();
                return;
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                FailureKind kind = FailureKind.of(e);
                attempts++;
                if (kind != FailureKind.RETRIABLE || attempts > retry.maxRetries()) {
                    throw new SQLException(what + " failed (" + kind + ", attempt " + attempts + ")", e);
                }
                retries++;
                long sleep = retry.backoffMillis(attempts);
                LOG.warn(
                        "retriable failure {} (attempt {}), retrying in {} ms: {}",
                        what,
                        attempts,
                        sleep,
                        e.toString());
                Thread.sleep(sleep);
            }
        }
    }

    private void insert(int rows) throws SQLException {
        if (client == null) {
            client = ClickHouseConnections.client(settings);
        }
        try (InsertResponse response = client.insert(
                        spec.table(), spec.columns(), buffer.asInputStream(), ClickHouseFormat.Native, insertSettings)
                .get(INSERT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            if (response.getWrittenRows() != rows) {
                throw new SQLException("ClickHouse reports " + response.getWrittenRows() + " rows written to "
                        + spec.table() + ", " + rows + " were sent");
            }
        } catch (ExecutionException e) {
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.sql.SQLTimeoutException("insert into " + spec.table() + " timed out", e);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(e.getMessage(), e);
        }
    }
    /** The types of the spec's columns, as the server has them. */
    private List<ColumnType> columnTypes() throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Connection c = ClickHouseConnections.open(settings);
                PreparedStatement ps =
                        c.prepareStatement("SELECT name, type FROM system.columns WHERE database = ? AND table = ?")) {
            ps.setString(1, settings.database());
            ps.setString(2, spec.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        if (types.isEmpty()) {
            throw new TableSchemaException("table " + settings.database() + "." + spec.table() + " does not exist");
        }
        List<ColumnType> result = new ArrayList<>();
        for (String column : spec.columns()) {
            String type = types.get(column);
            if (type == null) {
                throw new TableSchemaException(settings.database() + "." + spec.table() + " has no column " + column);
            }
            result.add(ColumnType.parse(type));
        }
        return result;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public long retries() {
        return retries;
    }

    private void closeQuietly() {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // the client is being replaced because it failed
            }
            client = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
