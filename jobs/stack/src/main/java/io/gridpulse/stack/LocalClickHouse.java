package io.gridpulse.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The local ClickHouse server: the ClickHouse engine from the cache ({@link ClickHouseEngine}) serving its HTTP
 * interface on 127.0.0.1, as a detached process with its data in {@code <home>/stack/clickhouse/data}. The port is
 * chosen free at the first start and kept. Stateless apart from the files it manages; thread-safe, but
 * {@link LocalStack} holds a file lock around start and stop so two processes never race.
 */
public final class LocalClickHouse {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ServerPaths paths;
    private final ClickHouseEngine engine;
    private final ServerProcess process;

    public LocalClickHouse(StackPaths stackPaths) {
        this.paths = stackPaths.clickhouse();
        this.engine = new ClickHouseEngine(stackPaths.cache());
        // The data folder as a whole argument identifies this clone's server among others on the machine.
        this.process = new ServerProcess("clickhouse", paths.pidFile(), " " + paths.data() + " ");
    }

    /** Starts the server unless it already runs; returns when it answers queries. */
    public ServerStatus start(PrintStream progress) {
        Optional<ProcessHandle> running = process.running();
        if (running.isPresent()) {
            int port = port().orElseThrow(() -> new IllegalStateException(
                    "ClickHouse runs (pid " + running.get().pid() + ") but its port file " + paths.portFile()
                            + " is unreadable; run `stack stop` and start again"));
            awaitReady(running.get(), port);
            return status();
        }
        if (process.clearStalePidFile()) {
            progress.println("clickhouse: removed a stale pid file (the server had stopped)");
        }
        if (!engine.isDownloaded()) {
            progress.println("clickhouse: downloading the ClickHouse engine " + ClickHouseEngine.PACKAGE + "@"
                    + ClickHouseEngine.VERSION + " (about 180 MB, once per machine) into " + engine.versionDir());
        }
        long t0 = System.nanoTime();
        var launcher = engine.ensureLauncher();
        int port = Ports.choose(paths.portFile(), 1).get(0);
        try {
            Files.createDirectories(paths.data());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + paths.data(), e);
        }
        progress.println("clickhouse: starting on 127.0.0.1:" + port + " (log " + paths.log() + ")");
        ProcessHandle started = process.start(
                List.of(launcher.toString(), paths.data().toString(), Integer.toString(port)),
                paths.dir(),
                paths.log());
        try {
            awaitReady(started, port);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
        ServerStatus status = status();
        progress.printf(
                "clickhouse: ClickHouse %s ready at %s in %.1f s%n",
                status.version(), status.address(), (System.nanoTime() - t0) / 1e9);
        return status;
    }

    /** Stops the server if it runs; true if it did. */
    public boolean stop() {
        return process.stop(STOP_GRACE);
    }

    public ServerStatus status() {
        Optional<ProcessHandle> running = process.running();
        String address = port().map(LocalClickHouse::url).orElse("");
        if (running.isEmpty()) {
            return ServerStatus.stopped("clickhouse", address);
        }
        long pid = running.get().pid();
        String version = "";
        boolean answers = false;
        if (!address.isEmpty()) {
            ClickHouseHttp http = new ClickHouseHttp(address, Endpoints.DEFAULT_USER, "");
            if (http.ping()) {
                try {
                    version = http.version();
                    answers = true;
                } catch (IllegalStateException e) {
                    version = "";
                }
            }
        }
        return new ServerStatus("clickhouse", answers, pid, address, version, ServerProcess.rssBytes(pid));
    }

    /** The HTTP port kept in the port file. */
    public Optional<Integer> port() {
        return Ports.read(paths.portFile(), 1).map(p -> p.get(0));
    }

    public ServerPaths paths() {
        return paths;
    }

    public ClickHouseEngine engine() {
        return engine;
    }

    private void awaitReady(ProcessHandle server, int port) {
        ClickHouseHttp http = new ClickHouseHttp(url(port), Endpoints.DEFAULT_USER, "");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!http.ping()) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The local ClickHouse server exited while starting; log " + paths.log()
                        + ":\n" + ServerProcess.tail(paths.log(), 30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The local ClickHouse server did not answer on " + url(port)
                        + " within " + START_TIMEOUT.toSeconds() + " s; log " + paths.log() + ":\n"
                        + ServerProcess.tail(paths.log(), 30));
            }
            sleep(200);
        }
        String version = http.version();
        if (version.isEmpty()) {
            throw new IllegalStateException("The local ClickHouse server at " + url(port) + " returned no version");
        }
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a local server", e);
        }
    }
}
