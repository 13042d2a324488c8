package io.gridpulse.cli;

import io.gridpulse.stack.Endpoints;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./gridpulse demo}: starts the local stack (unless the environment names one), generates
 * the demo city and a month of its feeds, processes them from an empty database, and prints the
 * summary and where to look next.
 */
final class DemoCommand {

    private DemoCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length > 0) {
            throw new IllegalArgumentException("demo takes no options");
        }
        Endpoints endpoints = Connections.endpoints(true, err);
        Path city = DemoCityFiles.ensure(err);
        ProcessOptions options = new ProcessOptions(
                city.resolve("cases.jsonl"),
                city.resolve("vehicles.jsonl"),
                city.resolve("sensors.jsonl"),
                DemoCityFiles.reference(city),
                null,
                true,
                2);
        var ch = Connections.clickHouse(endpoints);
        RunReport report = ProcessCommand.process(options, endpoints, ch, err);
        Summary.print(report, ch, out);
        String db = ch.database();
        out.println();
        out.println("where to look:");
        out.println("  the demo city's files:    " + city);
        out.println("  ClickHouse:               " + endpoints.clickhouseUrl() + " (database " + db + ")");
        out.println("  Kafka:                    " + endpoints.kafkaBootstrap());
        out.println("  ./gridpulse sql \"SELECT * FROM " + db + ".grid_monthly ORDER BY reported DESC LIMIT 10\"");
        out.println("  ./gridpulse sql \"SELECT * FROM " + db + ".source_monthly ORDER BY month, reported DESC\"");
        out.println("  ./gridpulse sql \"SELECT feed, reason, count() FROM " + db + ".rejected GROUP BY ALL\"");
        out.println("  ./gridpulse sql \"SELECT * FROM " + db + ".vehicle_hourly ORDER BY distance_km DESC LIMIT 10\"");
        out.println("  ./gridpulse sql \"SELECT * FROM " + db
                + ".sensor_hourly WHERE type = 'WATER_LEVEL' ORDER BY max DESC LIMIT 10\"");
        out.println("  ./gridpulse stack stop    when you are done");
        return 0;
    }
}
