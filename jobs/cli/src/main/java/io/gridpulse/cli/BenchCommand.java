package io.gridpulse.cli;

import io.gridpulse.flink.Args;
import io.gridpulse.report.DashboardBench;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/** {@code ./gridpulse bench dashboards [--runs N] [--reload]}: the dashboard query benchmark. */
final class BenchCommand {

    private BenchCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        if (argv.length == 0 || !argv[0].equals("dashboards")) {
            throw new IllegalArgumentException("usage: gridpulse bench dashboards [--runs N] [--reload]"
                    + " (the grid benchmarks: java -jar jobs/bench/target/gridpulse-bench.jar)");
        }
        Args a = Args.parse(Arrays.copyOfRange(argv, 1, argv.length), Set.of("runs"), Set.of("reload"));
        int runs = Integer.parseInt(a.get("runs", "40"));
        if (runs < 2) {
            throw new IllegalArgumentException("--runs must be at least 2");
        }
        DashboardBench.run(Connections.clickHouse(Connections.endpoints(true, err)), runs, a.flag("reload"), out, err);
        return 0;
    }
}
