package io.gridpulse.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code ./gridpulse bench WHAT}: benchmarks that print their figures (not tests). */
final class BenchCommand {

    private BenchCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("bench needs what to measure: cases, alerts or grid");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "cases" -> CasesBench.run(rest, out, err);
            case "alerts" -> AlertBench.run(rest, out, err);
            // JMH forks JVMs from the benchmark module's shaded jar: the launcher runs it, not this JVM
            case "grid" ->
                throw new IllegalArgumentException(
                        "bench grid runs from the launcher: ./gridpulse bench grid (java -jar jobs/bench/target/gridpulse-bench.jar)");
            default ->
                throw new IllegalArgumentException("unknown benchmark '" + args[0] + "' (known: cases, alerts, grid)");
        };
    }
}
