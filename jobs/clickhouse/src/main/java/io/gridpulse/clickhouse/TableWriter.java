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
 * Writes batches of rows to one ClickHouse table in the RowBinary format, retrying retriable
 * failures with exponential backoff. Values travel as typed binary, checked against the column
 * types the server reports (read once per connection), never as SQL text: no value can alter a
 * statement, and neither side spends its time rendering and parsing literals. Every table gridpulse writes is keyed so that writing the
 * same row twice leaves one row (ReplacingMergeTree), which is what makes retries and replays
 * after a restart safe. Not thread-safe: one per writing task.
 */
public final class TableWriter<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    /** How a value becomes a row's columns (1-based, in the spec's column order). */
    public interface RowBinder<T> extends Serializable {
        void bind(Row row, T value);
    }

    /** A table, its columns in binding order, and the binder. */
    public record TableSpec<T>(String table, List<String> columns, RowBinder<T> binder) implements Serializable {}

    /** How long one insert may take before it counts as a (retriable) failure. */
    private static final long INSERT_TIMEOUT_SECONDS = 300;

    private final ClickHouseSettings settings;
    private final TableSpec<T> spec;
    private final RetryPolicy retry;
    private final InsertSettings insertSettings = new InsertSettings();
    private final RowBinaryOutput buffer = new RowBinaryOutput();
    private Client client;
    private RowBinaryRow encoder;
    private long rowsWritten;
    private long retries;

    public TableWriter(ClickHouseSettings settings, TableSpec<T> spec, RetryPolicy retry) {
        this.settings = settings;
        this.spec = spec;
        this.retry = retry;
    }

    /** Writes the batch, retrying as the policy allows; throws when it gives up or the failure is not retriable. */
    public void write(List<T> rows) throws SQLException, InterruptedException {
        if (rows.isEmpty()) {
            return;
        }
        int attempt = 0;
        while (true) {
            try {
                insert(rows);
                rowsWritten += rows.size();
                return;
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                FailureKind kind = FailureKind.of(e);
                attempt++;
                if (kind != FailureKind.RETRIABLE || attempt > retry.maxRetries()) {
                    throw new SQLException(
                            "writing " + rows.size() + " rows to " + spec.table() + " failed (" + kind + ", attempt "
                                    + attempt + ")",
                            e);
                }
                retries++;
                long sleep = retry.backoffMillis(attempt);
                LOG.warn(
                        "retriable failure writing to {} (attempt {}), retrying in {} ms: {}",
                        spec.table(),
                        attempt,
                        sleep,
                        e.toString());
                Thread.sleep(sleep);
            }
        }
    }

    private void insert(List<T> rows) throws SQLException, InterruptedException {
        if (client == null) {
            encoder = new RowBinaryRow(spec.table(), spec.columns(), columnTypes(), buffer);
            client = ClickHouseConnections.client(settings);
        }
        buffer.reset();
        for (T row : rows) {
            encoder.startRow();
            spec.binder().bind(encoder, row);
            encoder.endRow();
        }
        try (InsertResponse response = client.insert(
                        spec.table(),
                        spec.columns(),
                        buffer.asInputStream(),
                        ClickHouseFormat.RowBinary,
                        insertSettings)
                .get(INSERT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            if (response.getWrittenRows() != rows.size()) {
                throw new SQLException("ClickHouse reports " + response.getWrittenRows() + " rows written to "
                        + spec.table() + ", " + rows.size() + " were sent");
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
            throw new SQLException(
                    "Code: 60. table " + settings.database() + "." + spec.table() + " does not exist (UNKNOWN_TABLE)");
        }
        List<ColumnType> result = new ArrayList<>();
        for (String column : spec.columns()) {
            String type = types.get(column);
            if (type == null) {
                throw new SQLException("Code: 16. " + settings.database() + "." + spec.table() + " has no column "
                        + column + " (NO_SUCH_COLUMN_IN_TABLE)");
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
