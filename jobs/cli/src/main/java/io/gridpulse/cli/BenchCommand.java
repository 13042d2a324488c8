package io.gridpulse.cli;

import io.gridpulse.flink.Args;
import io.gridpulse.report.DashboardBench;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/** {@code ./gridpulse bench WHAT}: benchmarks that print their figures (not tests). */
final class BenchCommand {

    private BenchCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "bench needs what to measure: cases, alerts, e2e, vehicles, cep, dashboards or grid");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "cases" -> CasesBench.run(rest, out, err);
            case "alerts" -> AlertBench.run(rest, out, err);
            case "e2e" -> E2eBench.run(rest, out, err);
            case "vehicles" -> io.gridpulse.cli.bench.VehicleBench.run(rest, out, err);
            case "cep" -> io.gridpulse.cli.bench.CepBench.run(rest, out, err);
            case "dashboards" -> dashboards(rest, out, err);
            // JMH forks JVMs from the benchmark module's shaded jar: the launcher runs it, not this JVM
            case "grid" ->
                throw new IllegalArgumentException(
                        "bench grid runs from the launcher: ./gridpulse bench grid (java -jar jobs/bench/target/gridpulse-bench.jar)");
            default ->
                throw new IllegalArgumentException("unknown benchmark '" + args[0]
                        + "' (known: cases, alerts, e2e, vehicles, cep, dashboards, grid)");
        };
    }

    /** {@code bench dashboards [--runs N] [--reload]}: the dashboard query benchmark (DashboardBench). */
    private static int dashboards(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of("runs"), Set.of("reload"));
        int runs = Integer.parseInt(a.get("runs", "40"));
        if (runs < 2) {
            throw new IllegalArgumentException("--runs must be at least 2");
        }
        DashboardBench.run(Connections.clickHouse(Connections.endpoints(true, err)), runs, a.flag("reload"), out, err);
        return 0;
    }
}
