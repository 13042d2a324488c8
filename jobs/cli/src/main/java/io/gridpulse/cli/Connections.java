package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.LocalStack;
import io.gridpulse.stack.StackPaths;
import java.io.PrintStream;
import java.util.Map;

/**
 * Where the commands find Kafka and ClickHouse: the environment's when KAFKA_BOOTSTRAP_SERVERS
 * and CLICKHOUSE_URL are set (nothing local starts), else the local stack, started if needed.
 */
public final class Connections {

    private Connections() {}

    public static Endpoints endpoints(boolean startLocal, PrintStream err) throws Exception {
        var fromEnv = Endpoints.fromEnvironment();
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        LocalStack stack = new LocalStack(StackPaths.fromEnvironment());
        if (!startLocal) {
            return stack.endpoints()
                    .orElseThrow(() -> new IllegalStateException(
                            "the local stack is not running: start it with ./gridpulse stack start,"
                                    + " or set KAFKA_BOOTSTRAP_SERVERS and CLICKHOUSE_URL"));
        }
        return stack.start(err);
    }

    public static ClickHouseSettings clickHouse(Endpoints e) {
        Map<String, String> env = System.getenv();
        return new ClickHouseSettings(
                e.clickhouseUrl(), e.clickhouseUser(), e.clickhousePassword(), env.get("GRIDPULSE_DATABASE"));
    }
}
