package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.common.ReferencePaths;
import io.gridpulse.stack.KafkaTopics;
import io.gridpulse.stack.LocalKafka;
import io.gridpulse.stack.StackPaths;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cluster path, for real: a Flink session cluster of three separate JVMs started from Flink's
 * own entry points (a JobManager, {@code StandaloneSessionClusterEntrypoint}, and two
 * TaskManagers, {@code TaskManagerRunner}, one slot each) with a generated {@code config.yaml};
 * the shaded jobs jar submitted the way a user does, with Flink's CLI front end ({@code
 * CliFrontend run -d}, which talks to the JobManager's REST API) in a fourth JVM; the live cases
 * job at parallelism 2 then reads a small demo city's cases from Kafka and writes ClickHouse.
 *
 * <p>Isolation: the live job reads topic {@code gridpulse.cases} from its consumer group's
 * committed offsets (earliest on first start), so it runs against a Kafka broker of its own, fresh
 * and empty, started for this test; ClickHouse is the shared one, with a fresh database (the
 * client reads GRIDPULSE_DATABASE). Every process is stopped in {@code finally}; the processes'
 * logs are in target/flink-cluster-it/.
 */
class FlinkSessionClusterIT {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(150);
    private static final List<String> OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.math=ALL-UNNAMED");

    private final List<Process> processes = new ArrayList<>();

    @Test
    void theShadedJobsRunOnASessionClusterOfSeparateProcesses() throws Exception {
        long started = System.nanoTime();
        Path work = Files.createDirectories(Path.of("target/flink-cluster-it").toAbsolutePath());
        Path jar = shadedJar();
        Path city = Files.createDirectories(work.resolve("city"));
        DemoCity.generate(DemoOptions.small(), city);
        JsonNode manifest =
                new ObjectMapper().readTree(city.resolve("manifest.json").toFile());
        long expected = feedStats(manifest, "cases.jsonl").get("distinctValid").asLong();
        assertThat(expected).isPositive();

        ClickHouseSettings ch = SharedStack.freshDatabase("gp_it_cluster");
        StackPaths shared = StackPaths.fromEnvironment();
        LocalKafka kafka = new LocalKafka(new StackPaths(Files.createTempDirectory(work, "kafka-"), shared.cache()));
        String jobId = null;
        String rest = null;
        try {
            kafka.start(System.err);
            String bootstrap = kafka.bootstrap().orElseThrow(() -> new IllegalStateException("Kafka did not start"));
            try (KafkaTopics topics = new KafkaTopics(bootstrap)) {
                // two partitions: one for each of the source's two subtasks, on the two TaskManagers
                topics.ensure(ProcessCommand.allTopics(), 2, (short) 1);
            }

            int restPort = freePort();
            rest = "http://127.0.0.1:" + restPort;
            Path conf = Files.createDirectories(work.resolve("conf"));
            writeConfig(conf, freePort(), restPort, work);
            Map<String, String> env = Map.of(
                    "FLINK_CONF_DIR",
                    conf.toString(),
                    "CLICKHOUSE_URL",
                    ch.httpUrl(),
                    "CLICKHOUSE_USER",
                    ch.user() == null ? "default" : ch.user(),
                    "CLICKHOUSE_PASSWORD",
                    ch.password() == null ? "" : ch.password(),
                    "GRIDPULSE_DATABASE",
                    ch.database(),
                    // live jobs refuse to start without the key that hashes reporterPhone
                    "GRIDPULSE_PHONE_HASH_KEY",
                    "cluster-it-phone-key");
            String classpath = flinkClasspath();
            start(
                    work,
                    "jobmanager",
                    classpath,
                    env,
                    "768m",
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                    "--configDir",
                    conf.toString());
            start(
                    work,
                    "taskmanager-1",
                    classpath,
                    env,
                    "768m",
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                    "--configDir",
                    conf.toString());
            start(
                    work,
                    "taskmanager-2",
                    classpath,
                    env,
                    "768m",
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                    "--configDir",
                    conf.toString());
            awaitTaskManagers(rest, 2);

            ReferencePaths ref = DemoCityFiles.reference(city);
            List<String> submit = new ArrayList<>(List.of(
                    "run",
                    "-d",
                    "-c",
                    "io.gridpulse.flink.GridpulseJobs",
                    jar.toString(),
                    "--job",
                    "cases",
                    "--kafka",
                    bootstrap,
                    "--grids",
                    ref.grids().toString(),
                    "--grids-crs",
                    ref.gridsCrs().name(),
                    "--catalog",
                    ref.catalog().toString(),
                    "--calendar",
                    ref.calendar().toString(),
                    "--departments",
                    ref.departments().toString(),
                    "--parallelism",
                    "2",
                    "--checkpoint-seconds",
                    "5"));
            Process client = start(
                    work,
                    "client",
                    classpath,
                    env,
                    "512m",
                    "org.apache.flink.client.cli.CliFrontend",
                    submit.toArray(String[]::new));
            int rc = client.waitFor();
            String clientLog = Files.readString(work.resolve("client.out"));
            assertThat(rc).as("CliFrontend run; its output:\n%s", clientLog).isZero();
            Matcher m = Pattern.compile("JobID ([0-9a-f]{32})").matcher(clientLog);
            assertThat(m.find())
                    .as("the client names the submitted job:\n%s", clientLog)
                    .isTrue();
            jobId = m.group(1);

            // a user's feed: the demo city's cases, published to the topic the live job reads
            // the live job decides validity itself; every line's time is left out of the as-of time
            Publisher.publish(
                    Feed.CASES,
                    city.resolve("cases.jsonl"),
                    bootstrap,
                    System.currentTimeMillis(),
                    System.err,
                    line -> Long.MIN_VALUE);

            long count = 0;
            long deadline = System.nanoTime() + RESULT_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                count = caseEvents(ch);
                if (count >= expected) {
                    break;
                }
                assertThat(jobState(rest, jobId)).as("job %s", jobId).isIn("CREATED", "INITIALIZING", "RUNNING");
                Thread.sleep(1000);
            }
            assertThat(count).as("distinct valid case events in ClickHouse").isEqualTo(expected);
            assertThat(taskManagersWithSlotsInUse(rest))
                    .as("both TaskManagers ran tasks")
                    .isEqualTo(2);
            System.err.printf(
                    "FlinkSessionClusterIT: %d case events through a 3-process session cluster in %.1f s%n",
                    count, (System.nanoTime() - started) / 1e9);
        } finally {
            if (jobId != null && rest != null) {
                try {
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(rest + "/jobs/" + jobId + "?mode=cancel"))
                                            .method("PATCH", HttpRequest.BodyPublishers.noBody())
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    System.err.println("FlinkSessionClusterIT: cancel failed: " + e);
                }
            }
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            kafka.stop();
        }
    }

    private static JsonNode feedStats(JsonNode manifest, String file) {
        for (JsonNode n : manifest.findParents("file")) {
            if (n.get("file").asText().equals(file)) {
                return n;
            }
        }
        throw new AssertionError("manifest has no entry for " + file);
    }

    private static long caseEvents(ClickHouseSettings ch) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count() FROM system.tables WHERE database = '" + ch.database()
                        + "' AND name = 'case_events'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count() FROM " + ch.database() + ".case_events FINAL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What a Flink distribution's lib/ holds, from this module's test classpath: Flink's runtime and
     * clients and their dependencies, without gridpulse's classes and without what the shaded jar
     * brings itself (the Kafka connector and client, CEP, JTS, clickhouse-jdbc). Flink loads
     * {@code org.apache.flink.*} parent-first, so a connector on the cluster's classpath would meet
     * the jar's Kafka client in another class loader and fail with a LinkageError, as it would on a
     * real cluster.
     */
    private static String flinkClasspath() {
        List<String> notInFlinkLib = List.of(
                "gridpulse",
                "kafka",
                "flink-cep",
                "clickhouse",
                "/jts",
                "flink-test-utils",
                "junit",
                "assertj",
                "opentest4j",
                "testcontainers");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("classes"))
                .filter(e -> notInFlinkLib.stream().noneMatch(e::contains))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path shadedJar() throws IOException {
        Path target = Path.of("../flink/target").toAbsolutePath().normalize();
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> p.getFileName().toString().matches("gridpulse-flink-.*-jobs\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no shaded jar in " + target + ": run mvn install -DskipTests first"));
        }
    }

    private static void writeConfig(Path conf, int rpcPort, int restPort, Path work) throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Files.writeString(
                conf.resolve("config.yaml"),
                String.join(
                                "\n",
                                "jobmanager.rpc.address: localhost",
                                "jobmanager.rpc.port: " + rpcPort,
                                "jobmanager.bind-host: localhost",
                                "jobmanager.memory.process.size: 1024m",
                                "rest.address: localhost",
                                "rest.bind-address: localhost",
                                "rest.port: " + restPort,
                                "taskmanager.bind-host: localhost",
                                "taskmanager.host: localhost",
                                "taskmanager.numberOfTaskSlots: 1",
                                // every part of the TaskManager resource spec: Flink's start scripts would compute
                                // these
                                "taskmanager.cpu.cores: 1.0",
                                "taskmanager.memory.framework.heap.size: 128m",
                                "taskmanager.memory.framework.off-heap.size: 128m",
                                "taskmanager.memory.jvm-metaspace.size: 256m",
                                "taskmanager.memory.jvm-overhead.min: 192m",
                                "taskmanager.memory.jvm-overhead.max: 192m",
                                "taskmanager.memory.task.heap.size: 256m",
                                "taskmanager.memory.task.off-heap.size: 0m",
                                "taskmanager.memory.network.min: 64m",
                                "taskmanager.memory.network.max: 64m",
                                "taskmanager.memory.managed.size: 64m",
                                "parallelism.default: 2",
                                "io.tmp.dirs: " + tmp,
                                // the default in-memory checkpoint storage (5 MB) is too small for the job's state
                                "execution.checkpointing.storage: filesystem",
                                "execution.checkpointing.dir: "
                                        + work.resolve("checkpoints").toUri(),
                                "")
                        + "\n");
        Files.writeString(
                conf.resolve("log4j.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.out.ref = out",
                        "appender.out.type = Console",
                        "appender.out.name = out",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n",
                        ""));
        Files.copy(
                conf.resolve("log4j.properties"),
                conf.resolve("log4j-cli.properties"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Process start(
            Path work,
            String name,
            String classpath,
            Map<String, String> env,
            String heap,
            String mainClass,
            String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        // short-lived JVMs on a small, shared machine: start fast, keep memory modest
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(OPENS);
        cmd.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
        cmd.add("-Dlog4j.configurationFile=" + work.resolve("conf/log4j.properties"));
        cmd.add("-Dlog4j2.configurationFile=" + work.resolve("conf/log4j.properties"));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".out").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void awaitTaskManagers(String rest, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            try {
                seen = get(rest, "/taskmanagers").get("taskmanagers").size();
                if (seen >= n) {
                    return;
                }
            } catch (IOException e) {
                // the JobManager's REST endpoint is not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "only " + seen + " of " + n + " TaskManagers registered; see target/flink-cluster-it/*.out");
    }

    private static String jobState(String rest, String jobId) throws Exception {
        return get(rest, "/jobs/" + jobId).get("state").asText();
    }

    private static int taskManagersWithSlotsInUse(String rest) throws Exception {
        int busy = 0;
        for (JsonNode tm : get(rest, "/taskmanagers").get("taskmanagers")) {
            if (tm.get("slotsNumber").asInt() > tm.get("freeSlots").asInt()) {
                busy++;
            }
        }
        return busy;
    }

    private static JsonNode get(String rest, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(rest + path))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException(path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return new ObjectMapper().readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
