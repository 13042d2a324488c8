package io.gridpulse.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding and running the machine's own tools (npm, tar, gcc, setsid). Stateless. */
final class Tools {

    private Tools() {}

    /** The executable's path on PATH. */
    static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The executable's path, or an error naming the missing tool and what it is needed for.
     *
     * @throws IllegalStateException when the tool is not on PATH
     */
    static String require(String tool, String purpose) {
        return find(tool)
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(
                        "'" + tool + "' was not found on PATH; it is needed " + purpose + ". Install " + tool
                                + " (e.g. apt-get install " + (tool.equals("setsid") ? "util-linux" : tool)
                                + ") and try again."));
    }

    /**
     * Runs a command to completion with its output appended to {@code log}.
     *
     * @throws IllegalStateException when it fails or runs longer than {@code timeoutSeconds}, with the log's tail
     */
    static void run(List<String> command, Path workDir, Path log, long timeoutSeconds) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + String.join(" ", command)
                        + "\n" + ServerProcess.tail(log, 20));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + process.exitValue() + "): "
                        + String.join(" ", command) + "\n" + ServerProcess.tail(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
