package io.gridpulse.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server running as a detached process, known by its pid file. The process is started with {@code setsid} in a
 * session of its own, so it outlives the JVM that started it and a Ctrl-C in that JVM's terminal; any other JVM can
 * stop it through the pid file. A pid file is trusted only if the process it names is alive and its command line
 * contains {@code marker} (pids are reused). Linux only. Immutable and thread-safe.
 */
final class ServerProcess {

    private final String name;
    private final Path pidFile;
    private final String marker;

    ServerProcess(String name, Path pidFile, String marker) {
        this.name = name;
        this.pidFile = pidFile;
        this.marker = marker;
    }

    /** The running process, if the pid file names a live process whose command line holds the marker. */
    Optional<ProcessHandle> running() {
        OptionalLong pid = readPid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).filter(this::isOurs);
    }

    /** Removes a pid file whose process is gone (or is someone else's); true if it did. */
    boolean clearStalePidFile() {
        if (Files.exists(pidFile) && running().isEmpty()) {
            deletePidFile();
            return true;
        }
        return false;
    }

    /**
     * Starts {@code command} detached: new session, stdin from /dev/null, stdout and stderr appended to {@code log}.
     * Writes the pid file.
     */
    ProcessHandle start(List<String> command, Path workDir, Path log) {
        List<String> full = new ArrayList<>();
        full.add(Tools.require("setsid", "to run the local servers detached from this terminal"));
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workDir);
            Files.writeString(
                    log,
                    "---- " + java.time.Instant.now() + " starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
            // The child is not a process-group leader, so setsid does not fork: this pid is the server's.
            writePid(process.pid());
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL; removes the pid file. True if a process was stopped. */
    boolean stop(Duration grace) {
        Optional<ProcessHandle> running = running();
        if (running.isEmpty()) {
            deletePidFile();
            return false;
        }
        ProcessHandle process = running.get();
        process.destroy();
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            if (!awaitExit(process, Duration.ofSeconds(10))) {
                throw new IllegalStateException(
                        name + " (pid " + process.pid() + ") did not exit even after SIGKILL; pid file kept");
            }
        }
        deletePidFile();
        return true;
    }

    /** Resident memory of the process in bytes, from /proc; -1 if unknown. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone, or not Linux: memory is a nicety in status, never a reason to fail.
        }
        return -1;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private boolean isOurs(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    private OptionalLong readPid() {
        try {
            String text = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void writePid(long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, pid + "\n", StandardCharsets.UTF_8);
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the pid file " + pidFile, e);
        }
    }

    /** The last lines of a log file, to explain a failed start. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
