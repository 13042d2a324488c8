package io.gridpulse.cli;

import io.gridpulse.demo.DemoOptions;
import io.gridpulse.report.BulletinWriter;
import io.gridpulse.report.ClickHouseHttp;
import io.gridpulse.stack.Endpoints;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * {@code ./gridpulse demo}: starts the local stack (unless the environment names one), generates
 * the demo city and a month of its feeds, processes them from an empty database, writes the
 * month's bulletin, and prints the summary and where to look next.
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
        // The month's bulletin (月度通报), as a command centre would circulate it
        YearMonth month = DemoOptions.defaults().month();
        BulletinWriter.Written bulletin = BulletinWriter.write(
                new ClickHouseHttp(ch),
                month,
                null,
                BulletinCommand.DEFAULT_ISSUER,
                ProjectHome.dir().resolve("demo").resolve("bulletin"));
        String db = ch.database();
        out.println();
        out.println("where to look:");
        out.println("  the demo city's files:    " + city);
        out.println("  the " + month + " bulletin:    " + bulletin.pdf() + " (and .html)");
        out.println("  the dashboard:            ./gridpulse dashboard   (then open http://127.0.0.1:8080)");
        out.println("  ClickHouse:               " + endpoints.clickhouseUrl() + " (database " + db + ")");
        out.println("  Kafka:                    " + endpoints.kafkaBootstrap());
        out.println("  ./gridpulse sql \"SELECT * FROM " + db + ".dept_scores ORDER BY month, rank\"");
        out.println("  ./gridpulse sql \"SELECT * FROM " + db + ".centre_monthly ORDER BY month\"");
        out.println("  ./gridpulse sql \"SELECT type, count() FROM " + db + ".alerts FINAL GROUP BY type\"");
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
