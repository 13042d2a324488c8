package io.gridpulse.cli;

import io.gridpulse.flink.Args;
import io.gridpulse.report.ClickHouseHttp;
import io.gridpulse.report.DashboardServer;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./gridpulse dashboard [--port P] [--host H]}: serves the web dashboard until stopped
 * (Ctrl-C). 127.0.0.1 by default; another host needs GRIDPULSE_DASHBOARD_TOKEN.
 */
final class DashboardCommand {

    private DashboardCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of("port", "host"), Set.of());
        int port;
        try {
            port = Integer.parseInt(a.get("port", "8080"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number");
        }
        String host = a.get("host", "127.0.0.1");
        String token = System.getenv("GRIDPULSE_DASHBOARD_TOKEN");
        ClickHouseHttp ch = new ClickHouseHttp(Connections.clickHouse(Connections.endpoints(false, err)));
        DashboardServer server = new DashboardServer(ch, host, port, token);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        out.println(server.url() + (token == null || token.isEmpty() ? "" : "?token=…"));
        err.println("gridpulse: dashboard at " + server.url() + " (Ctrl-C stops it)");
        stop.await();
        return 0;
    }
}
