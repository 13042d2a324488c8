package io.gridpulse.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The gridpulse command line. Results go to standard output; logs and progress to standard
 * error. Exit codes: 0 success, 1 failure, 2 bad usage, 3 a stack component not running.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            usage(out);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "help", "-h", "--help" -> {
                    usage(out);
                    yield 0;
                }
                case "stack" -> io.gridpulse.stack.StackMain.run(rest, out, err);
                case "sql" -> SqlCommand.run(rest, out, err);
                case "process" -> ProcessCommand.run(rest, out, err);
                case "demo" -> DemoCommand.run(rest, out, err);
                case "bulletin" -> BulletinCommand.run(rest, out, err);
                case "dashboard" -> DashboardCommand.run(rest, out, err);
                case "grid" -> GridCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                default -> {
                    err.println("gridpulse: unknown command '" + args[0] + "'");
                    usage(err);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("gridpulse: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("gridpulse: " + args[0] + " failed: " + e);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                err.println("  caused by: " + c);
            }
            return 1;
        }
    }

    private static int usageError(String message, PrintStream err) {
        err.println("gridpulse: " + message);
        return 2;
    }

    static void usage(PrintStream out) {
        out.println(
                """
                gridpulse: stream-processing analytics for digital city management (数字城管)

                  ./gridpulse demo                  build, start the local stack, stream a month of the demo city, show results
                  ./gridpulse test                  the whole test suite (what CI runs)
                  ./gridpulse process [options]     publish files to the topics and run every job over them (bounded)
                      --cases F --vehicles F --sensors F            feeds (JSON Lines)
                      --grids F [--grids-crs WGS84|GCJ02|BD09] --catalog F --calendar F --departments F
                      --vehicles-ref F --sensors-ref F --zones F --sensor-rules F   (default: the demo city's)
                      --as-of T (ISO-8601 with offset; default: the latest event time in the files)
                      --reset (empty gridpulse's database and topics first)  --parallelism N (default 2)
                      --assessment F (key,value CSV: score weights, grade bounds, min_due, inspector limits)
                      --hotspot-rules F (CSV categoryCode,k,windowMinutes) --hotspot-k 5 --hotspot-window-minutes 60
                      --duplicate-meters 50 --duplicate-minutes 30   (alert rules, docs/alerts.md)
                      --warning-share 0.8 (OVERDUE_WARNING at this share of the time to the deadline)
                  ./gridpulse bench alerts          live alert latency (p50/p99) and case events/s through the alerting job
                  ./gridpulse grid assign --grids F [--grids-crs C] --points F.csv [--crs C]
                                                    re-geocode points: reads id,lon,lat, writes id,grid_code
                                                    (bad lines on standard error with their line numbers; exit 1 if any)
                  ./gridpulse grid check --grids F [--grids-crs C]
                                                    overlaps, gaps, duplicate codes, invalid rings, with where (exit 1 if any)
                      --fault-injection (two TaskManagers; kill one and restart the local ClickHouse mid-run)
                  ./gridpulse bench e2e [--events N]  time the vehicle pipeline end to end against reading and parsing alone
                  ./gridpulse sql "QUERY"           run a query, print tab-separated values with a header
                  ./gridpulse bench grid [--quick]  JMH benchmark of grid assignment against plain JTS
                  ./gridpulse bench cases [--months N --cases-per-month N]   a year of a Fuzhou-sized city through process
                  ./gridpulse stack start|stop|status|env   the local Kafka broker and ClickHouse server
                  ./gridpulse bench vehicles|cep    benchmarks (figures, not tests): positions/s through the vehicle
                                                    rules; CEP against a keyed function for a sensor rule
                  ./gridpulse bulletin --month YYYY-MM [--as-of T] [--out DIR] [--issuer NAME]
                                                    the month's bulletin (月度考核通报) as HTML and PDF
                  ./gridpulse dashboard [--port P] [--host H]   the web dashboard (127.0.0.1:8080 by default;
                                                    another host needs GRIDPULSE_DASHBOARD_TOKEN)
                  ./gridpulse bench dashboards [--runs N] [--reload]   a year of a Yulin-sized city, each dashboard query's p95

                KAFKA_BOOTSTRAP_SERVERS and CLICKHOUSE_URL (CLICKHOUSE_USER, CLICKHOUSE_PASSWORD) point gridpulse
                at an existing Kafka and ClickHouse instead of the local stack. See README.md and docs/.""");
    }
}
