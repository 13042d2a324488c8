package io.gridpulse.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The local stack of one clone: a Kafka broker and a ClickHouse server on 127.0.0.1, as detached processes that
 * outlive the JVM that started them. Start and stop hold {@code <home>/stack/lock} (a file lock, plus a lock within
 * this JVM since file locks are per process), so two processes starting at once never both start servers; the
 * second one finds the first one's servers running and reuses them. Thread-safe.
 */
public final class LocalStack {

    /** File locks belong to the whole JVM; this keeps two threads of one JVM apart. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final StackPaths paths;
    private final LocalKafka kafka;
    private final LocalClickHouse clickhouse;

    public LocalStack(StackPaths paths) {
        this.paths = paths;
        this.kafka = new LocalKafka(paths);
        this.clickhouse = new LocalClickHouse(paths);
    }

    /** The stack of this clone: {@link StackPaths#fromEnvironment()}. */
    public static LocalStack fromEnvironment() {
        return new LocalStack(StackPaths.fromEnvironment());
    }

    /**
     * Starts whatever is not running yet (idempotent: running servers are reused, stale pid files cleared) and
     * returns the endpoints once both answer. Progress goes to {@code progress}.
     */
    public Endpoints start(PrintStream progress) {
        return locked(() -> {
            ServerStatus k = kafka.start(progress);
            ServerStatus c = clickhouse.start(progress);
            if (!k.running() || !c.running()) {
                throw new IllegalStateException("The local stack did not come up: " + k.line() + "; " + c.line());
            }
            return endpointsOrThrow();
        });
    }

    /** Stops both servers (ClickHouse first, then Kafka); returns how many were running. */
    public int stop() {
        return locked(() -> {
            RuntimeException failure = null;
            int stopped = 0;
            for (Supplier<Boolean> s : List.<Supplier<Boolean>>of(clickhouse::stop, kafka::stop)) {
                try {
                    stopped += s.get() ? 1 : 0;
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return stopped;
        });
    }

    /** Kafka's status, then ClickHouse's. */
    public List<ServerStatus> status() {
        return List.of(kafka.status(), clickhouse.status());
    }

    /** The endpoints of the running local stack; empty unless both servers run. */
    public Optional<Endpoints> endpoints() {
        ServerStatus k = kafka.status();
        ServerStatus c = clickhouse.status();
        if (!k.running() || !c.running()) {
            return Optional.empty();
        }
        return Optional.of(endpointsFromPortFiles());
    }

    public StackPaths paths() {
        return paths;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalClickHouse clickhouse() {
        return clickhouse;
    }

    private Endpoints endpointsOrThrow() {
        return endpoints()
                .orElseThrow(
                        () -> new IllegalStateException("The local stack started but does not answer: " + status()));
    }

    private Endpoints endpointsFromPortFiles() {
        int kafkaPort = Ports.read(paths.kafka().portFile(), 2)
                .orElseThrow(() -> new IllegalStateException(
                        "No port file " + paths.kafka().portFile()))
                .get(0);
        int chPort = clickhouse
                .port()
                .orElseThrow(() -> new IllegalStateException(
                        "No port file " + paths.clickhouse().portFile()));
        return Endpoints.local(kafkaPort, chPort);
    }

    private <T> T locked(Supplier<T> action) {
        IN_PROCESS.lock();
        try {
            Files.createDirectories(paths.stackDir());
            try (FileChannel channel =
                            FileChannel.open(paths.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + paths.lockFile(), e);
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
