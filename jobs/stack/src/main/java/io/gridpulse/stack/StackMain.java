package io.gridpulse.stack;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code gridpulse stack start|stop|status|env}: the local Kafka broker and ClickHouse server. Results go to
 * {@code out}, progress and errors to {@code err}.
 *
 * <ul>
 *   <li>{@code start}: starts what is not running, prints the endpoints; 0, or 1 on failure.
 *   <li>{@code stop}: stops both; 0.
 *   <li>{@code status}: one line per server; 0 when both run, 3 otherwise.
 *   <li>{@code env}: {@code export ...} lines for the running local stack; 3 when it does not run.
 * </ul>
 *
 * When KAFKA_BOOTSTRAP_SERVERS and CLICKHOUSE_URL are set, start and stop leave the local stack alone.
 */
public final class StackMain {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_RUNNING = 3;

    static final String USAGE_TEXT = "usage: stack start|stop|status|env";

    private StackMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, LocalStack.fromEnvironment(), Endpoints.fromEnvironment());
    }

    static int run(String[] args, PrintStream out, PrintStream err, LocalStack stack, Optional<Endpoints> external) {
        if (args.length != 1) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            switch (args[0]) {
                case "start":
                    return start(out, err, stack, external);
                case "stop":
                    return stop(err, stack, external);
                case "status":
                    return status(out, stack);
                case "env":
                    return env(out, err, stack);
                default:
                    err.println("unknown stack command '" + args[0] + "'; " + USAGE_TEXT);
                    return USAGE;
            }
        } catch (RuntimeException e) {
            err.println("stack " + args[0] + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static int start(PrintStream out, PrintStream err, LocalStack stack, Optional<Endpoints> external) {
        if (external.isPresent()) {
            err.println("using external Kafka/ClickHouse from the environment (" + external.get()
                    + "); the local stack is not started");
            return OK;
        }
        Endpoints endpoints = stack.start(err);
        out.print(endpoints.exportLines());
        return OK;
    }

    private static int stop(PrintStream err, LocalStack stack, Optional<Endpoints> external) {
        if (external.isPresent()) {
            err.println("using external Kafka/ClickHouse from the environment; nothing local to stop");
            return OK;
        }
        int stopped = stack.stop();
        err.println(stopped == 0 ? "the local stack was not running" : "stopped the local stack");
        return OK;
    }

    private static int status(PrintStream out, LocalStack stack) {
        List<ServerStatus> statuses = stack.status();
        statuses.forEach(s -> out.println(s.line()));
        return statuses.stream().allMatch(ServerStatus::running) ? OK : NOT_RUNNING;
    }

    private static int env(PrintStream out, PrintStream err, LocalStack stack) {
        Optional<Endpoints> endpoints = stack.endpoints();
        if (endpoints.isEmpty()) {
            err.println("the local stack is not running; start it with `stack start`");
            return NOT_RUNNING;
        }
        out.print(endpoints.get().exportLines());
        return OK;
    }
}
