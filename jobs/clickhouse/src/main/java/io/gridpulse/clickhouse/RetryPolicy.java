package io.gridpulse.clickhouse;

import java.io.Serializable;

/**
 * Exponential backoff for retriable ClickHouse failures: base x 2^(attempt-1), capped. The
 * default rides out a server restart of about a minute.
 */
public record RetryPolicy(int maxRetries, long baseMillis, long maxMillis) implements Serializable {

    public static final RetryPolicy DEFAULT = new RetryPolicy(12, 200, 10_000);

    public long backoffMillis(int attempt) {
        long b = baseMillis << Math.min(20, Math.max(0, attempt - 1));
        return Math.min(maxMillis, b);
    }
}
