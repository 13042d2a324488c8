package io.gridpulse.clickhouse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a failed ClickHouse write is handled: RETRIABLE (network, overload, server restarting:
 * retry with backoff, the batch is idempotent), POISON (the data cannot be inserted: a bug in
 * gridpulse's row mapping, never input from a feed, since feeds are validated before they get
 * here) and FATAL (configuration: unknown table, authentication: stop with a clear message).
 */
public enum FailureKind {
    RETRIABLE,
    POISON,
    FATAL;

    private static final Pattern CODE = Pattern.compile("Code: (\\d+)");

    /** ClickHouse error codes that a retry can cure. */
    private static final Set<Integer> RETRIABLE_CODES = Set.of(
            3, // UNEXPECTED_END_OF_FILE
            159, // TIMEOUT_EXCEEDED
            164, // READONLY (replica read-only for a moment)
            202, // TOO_MANY_SIMULTANEOUS_QUERIES
            203, // NO_FREE_CONNECTION
            209, // SOCKET_TIMEOUT
            210, // NETWORK_ERROR
            241, // MEMORY_LIMIT_EXCEEDED
            242, // TABLE_IS_READ_ONLY
            252, // TOO_MANY_PARTS
            285, // TOO_FEW_LIVE_REPLICAS
            319, // UNKNOWN_STATUS_OF_INSERT
            425, // SYSTEM_ERROR
            999, // KEEPER_EXCEPTION
            1000 // POCO_EXCEPTION
            );

    private static final Set<Integer> FATAL_CODES = Set.of(
            16, // NO_SUCH_COLUMN_IN_TABLE
            60, // UNKNOWN_TABLE
            81, // UNKNOWN_DATABASE
            192, // UNKNOWN_USER
            193, // WRONG_PASSWORD
            194, // REQUIRED_PASSWORD
            497, // ACCESS_DENIED
            516 // AUTHENTICATION_FAILED
            );

    public static FailureKind of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TableSchemaException) {
                return FATAL;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof SocketTimeoutException
                    || c instanceof SQLTransientException) {
                return RETRIABLE;
            }
            String msg = c.getMessage();
            if (msg != null) {
                Matcher m = CODE.matcher(msg);
                if (m.find()) {
                    int code = Integer.parseInt(m.group(1));
                    if (RETRIABLE_CODES.contains(code)) {
                        return RETRIABLE;
                    }
                    return FATAL_CODES.contains(code) ? FATAL : POISON;
                }
            }
            if (c instanceof SQLException sql && sql.getErrorCode() != 0) {
                int code = sql.getErrorCode();
                if (RETRIABLE_CODES.contains(code)) {
                    return RETRIABLE;
                }
                return FATAL_CODES.contains(code) ? FATAL : POISON;
            }
        }
        // No ClickHouse code anywhere: the request never got an answer (connection refused or reset),
        // unless the client itself refused a value (a row mapping bug: retrying cannot cure it).
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return RETRIABLE;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException || c instanceof ClassCastException) {
                return POISON;
            }
        }
        return RETRIABLE;
    }
}
