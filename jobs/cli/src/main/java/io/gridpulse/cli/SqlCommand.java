package io.gridpulse.cli;

import io.gridpulse.clickhouse.QueryRunner;
import java.io.PrintStream;

/** {@code ./gridpulse sql "QUERY"}: the result as tab-separated values with a header, on standard output. */
final class SqlCommand {

    private SqlCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length != 1 || args[0].isBlank()) {
            throw new IllegalArgumentException("usage: gridpulse sql \"QUERY\"");
        }
        QueryRunner.printTsv(Connections.clickHouse(Connections.endpoints(false, err)), args[0], out);
        return 0;
    }
}
