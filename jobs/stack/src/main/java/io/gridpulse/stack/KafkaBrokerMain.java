package io.gridpulse.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The main class of the local Kafka broker's own JVM (started by {@link LocalKafka}): writes server.properties,
 * formats the storage on the first start, then runs the broker until SIGTERM.
 *
 * <p>Usage: {@code KafkaBrokerMain <dir> <port> <controllerPort>}; data in {@code <dir>/data}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: KafkaBrokerMain <dir> <port> <controllerPort>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path config = dir.resolve("server.properties");
        writeProperties(config, KafkaBrokerConfig.properties(data, port, controllerPort));
        if (!isFormatted(data)) {
            format(config);
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** A formatted log dir holds meta.properties (written last by the formatter, after the bootstrap checkpoint). */
    static boolean isFormatted(Path data) {
        return Files.isRegularFile(data.resolve("meta.properties"));
    }

    /**
     * Formats the storage in this JVM. StorageTool's {@code execute} returns an exit code (its {@code main} would call
     * System.exit); the exit procedure is replaced meanwhile in case a failure path tries to exit anyway.
     */
    static void format(Path config) {
        String release = MetadataVersion.latestProduction().version();
        String[] args = {
            "format",
            "--config",
            config.toString(),
            "--cluster-id",
            Uuid.randomUuid().toString(),
            "--release-version",
            release,
            "--ignore-formatted"
        };
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka storage format exited with " + code + ": " + message);
        });
        try {
            int code = kafka.tools.StorageTool.execute(args, System.out);
            if (code != 0) {
                throw new IllegalStateException("Kafka storage format failed with exit code " + code);
            }
            System.out.println("gridpulse: formatted the Kafka storage with metadata version " + release);
        } finally {
            // Not Exit.resetExitProcedure(): that installs a test guard which throws on the broker's final exit.
            Exit.setExitProcedure((code, message) -> Runtime.getRuntime().exit(code));
        }
    }

    static void writeProperties(Path file, Map<String, String> properties) throws IOException {
        // Properties.store escapes what needs escaping (backslashes, non-Latin-1 characters in paths).
        try (OutputStream out = Files.newOutputStream(file)) {
            KafkaBrokerConfig.asProperties(properties)
                    .store(out, "Written by gridpulse at each start of the local broker");
        }
    }
}
