package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.LocalStack;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one stack integration tests share: the one `./gridpulse test` started and named in
 * KAFKA_BOOTSTRAP_SERVERS / CLICKHOUSE_URL, or, when a test runs alone (an IDE), the project's
 * local stack, started if needed and left running for the next test. Each test isolates itself
 * in a database of its own; bounded runs read only the offsets they published, so shared
 * topics do not mix tests.
 */
final class SharedStack {

    private static Endpoints endpoints;

    private SharedStack() {}

    static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = Endpoints.fromEnvironment()
                    .orElseGet(() -> LocalStack.fromEnvironment().start(System.err));
        }
        return endpoints;
    }

    /** Settings for a fresh database named after the test. */
    static ClickHouseSettings freshDatabase(String prefix) {
        Endpoints e = endpoints();
        String db = prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        return new ClickHouseSettings(e.clickhouseUrl(), e.clickhouseUser(), e.clickhousePassword(), db);
    }
}
