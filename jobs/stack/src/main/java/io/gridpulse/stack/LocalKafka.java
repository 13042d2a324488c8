package io.gridpulse.stack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * The local Kafka broker: one KRaft node (broker and controller) in a JVM of its own ({@link KafkaBrokerMain}),
 * detached, listening on 127.0.0.1 only, with its data in {@code <home>/stack/kafka/data}. Its two ports are chosen
 * free at the first start and kept. Stateless apart from the files it manages; thread-safe, but {@link LocalStack}
 * holds a file lock around start and stop so two processes never race.
 */
public final class LocalKafka {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    static final String HEAP = "-Xmx1g";

    private final ServerPaths paths;
    private final ServerProcess process;

    public LocalKafka(StackPaths stackPaths) {
        this.paths = stackPaths.kafka();
        this.process = new ServerProcess(
                "kafka", paths.pidFile(), " " + KafkaBrokerMain.class.getName() + " " + paths.dir() + " ");
    }

    /** Starts the broker unless it already runs; returns when an admin client can describe the cluster. */
    public ServerStatus start(PrintStream progress) {
        Optional<ProcessHandle> running = process.running();
        if (running.isPresent()) {
            awaitReady(
                    running.get(),
                    bootstrap()
                            .orElseThrow(() -> new IllegalStateException(
                                    "Kafka runs (pid " + running.get().pid() + ") but its port file " + paths.portFile()
                                            + " is unreadable; run `stack stop` and start again")));
            return status();
        }
        if (process.clearStalePidFile()) {
            progress.println("kafka: removed a stale pid file (the broker had stopped)");
        }
        long t0 = System.nanoTime();
        List<Integer> ports = Ports.choose(paths.portFile(), 2);
        String bootstrap = "127.0.0.1:" + ports.get(0);
        Path log4j = writeLog4jConfig();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add(HEAP);
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Djava.io.tmpdir=" + paths.dir().resolve("tmp"));
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.add("-cp");
        command.add(classPath());
        command.add(KafkaBrokerMain.class.getName());
        command.add(paths.dir().toString());
        command.add(Integer.toString(ports.get(0)));
        command.add(Integer.toString(ports.get(1)));
        try {
            Files.createDirectories(paths.dir().resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + paths.dir(), e);
        }
        progress.println("kafka: starting on " + bootstrap + " (controller 127.0.0.1:" + ports.get(1) + ", log "
                + paths.log() + ")");
        ProcessHandle started = process.start(command, paths.dir(), paths.log());
        try {
            awaitReady(started, bootstrap);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        progress.printf("kafka: Kafka ready at %s in %.1f s%n", bootstrap, (System.nanoTime() - t0) / 1e9);
        return status();
    }

    /** Stops the broker if it runs (SIGTERM: a controlled shutdown); true if it did. */
    public boolean stop() {
        return process.stop(STOP_GRACE);
    }

    public ServerStatus status() {
        Optional<ProcessHandle> running = process.running();
        String address = bootstrap().orElse("");
        if (running.isEmpty()) {
            return ServerStatus.stopped("kafka", address);
        }
        long pid = running.get().pid();
        return new ServerStatus(
                "kafka",
                true,
                pid,
                address,
                org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                ServerProcess.rssBytes(pid));
    }

    /** {@code 127.0.0.1:<port>} from the port file. */
    public Optional<String> bootstrap() {
        return Ports.read(paths.portFile(), 2).map(p -> "127.0.0.1:" + p.get(0));
    }

    public ServerPaths paths() {
        return paths;
    }

    private void awaitReady(ProcessHandle broker, String bootstrap) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // An admin client logs a warning for every refused connection: wait for the listener quietly first.
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        while (!accepts(port)) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("The local Kafka broker exited while starting; log " + paths.log()
                        + ":\n" + ServerProcess.tail(paths.log(), 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The local Kafka broker did not listen on " + bootstrap + " within "
                        + START_TIMEOUT.toSeconds() + " s; log " + paths.log() + ":\n"
                        + ServerProcess.tail(paths.log(), 40));
            }
            LocalClickHouse.sleep(200);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("The local Kafka broker exited while starting; log " + paths.log()
                            + ":\n" + ServerProcess.tail(paths.log(), 40));
                }
                try {
                    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
                    if (!cluster.nodes().get(4, TimeUnit.SECONDS).isEmpty()
                            && cluster.controller().get(4, TimeUnit.SECONDS) != null) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                    }
                    // Not up yet: retry until the deadline.
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The local Kafka broker did not answer on " + bootstrap + " within "
                            + START_TIMEOUT.toSeconds() + " s; log " + paths.log() + ":\n"
                            + ServerProcess.tail(paths.log(), 40));
                }
                LocalClickHouse.sleep(300);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path writeLog4jConfig() {
        Path file = paths.dir().resolve("log4j2.properties");
        String config = String.join(
                "\n",
                "# Written by gridpulse: the local broker logs to stdout, which goes to kafka.log",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p %c{1} - %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = out",
                "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
                "logger.config.level = warn",
                "logger.kafkaConfig.name = kafka.server.KafkaConfig",
                "logger.kafkaConfig.level = warn",
                "logger.clients.name = org.apache.kafka.clients",
                "logger.clients.level = warn",
                "");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, config, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's class path, with manifest-only jars (as Maven's test runners use) expanded into the jars they name,
     * since such a jar may be deleted while the broker still runs.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            entries.add(Path.of(entry).toAbsolutePath().toString());
            entries.addAll(manifestClassPath(Path.of(entry)));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null || cp.isBlank()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String url : cp.trim().split("\\s+")) {
                try {
                    out.add(Path.of(jar.getParent().toUri().resolve(url)).toString());
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    // Not a file URL: irrelevant to a local JVM.
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }
}
