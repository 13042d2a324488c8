package io.gridpulse.clickhouse;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of rows to one ClickHouse table with bound parameters, retrying retriable
 * failures with exponential backoff. Every table gridpulse writes is keyed so that writing the
 * same row twice leaves one row (ReplacingMergeTree), which is what makes retries and replays
 * after a restart safe. Not thread-safe: one per writing task.
 */
public final class TableWriter<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    /** How a row becomes the statement's parameters. */
    public interface RowBinder<T> extends Serializable {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** A table, its columns in parameter order, and the binder. */
    public record TableSpec<T>(String table, List<String> columns, RowBinder<T> binder) implements Serializable {

        String insertSql(String database) {
            StringJoiner cols = new StringJoiner(", ");
            StringJoiner marks = new StringJoiner(", ");
            for (String c : columns) {
                cols.add(c);
                marks.add("?");
            }
            return "INSERT INTO " + database + "." + table + " (" + cols + ") VALUES (" + marks + ")";
        }
    }

    private final ClickHouseSettings settings;
    private final TableSpec<T> spec;
    private final RetryPolicy retry;
    private Connection connection;
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

    private void insert(List<T> rows) throws SQLException {
        if (connection == null) {
            connection = ClickHouseConnections.open(settings);
        }
        try (PreparedStatement ps = connection.prepareStatement(spec.insertSql(settings.database()))) {
            for (T row : rows) {
                spec.binder().bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public long retries() {
        return retries;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being replaced because it failed
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
