package io.gridpulse.clickhouse;

import java.sql.SQLException;

/**
 * The table a writer was given does not exist, or lacks one of its columns: configuration (the
 * migrations were not applied to this database), so {@link FailureKind#FATAL}, never retried.
 */
public final class TableSchemaException extends SQLException {

    TableSchemaException(String message) {
        super(message);
    }
}
