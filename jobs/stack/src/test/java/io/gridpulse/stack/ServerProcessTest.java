package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @Test
    void pidFileOfAProcessThatIsNotOursIsStale(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("x.pid");
        // This JVM is alive, but its command line lacks the marker: a reused pid.
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        ServerProcess process = new ServerProcess("x", pidFile, " no-such-marker-" + System.nanoTime() + " ");
        assertThat(process.running()).isEmpty();
        assertThat(process.clearStalePidFile()).isTrue();
        assertThat(pidFile).doesNotExist();
        assertThat(process.clearStalePidFile()).as("nothing left to clear").isFalse();
    }

    @Test
    void garbageInThePidFileMeansNotRunning(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("x.pid");
        Files.writeString(pidFile, "twelve\n");
        assertThat(new ServerProcess("x", pidFile, "x").running()).isEmpty();
    }

    @Test
    void detachedProcessRunsInItsOwnSessionAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("sleep.pid");
        Path log = dir.resolve("sleep.log");
        String marker = " 3600" + " ";
        ServerProcess process = new ServerProcess("sleep", pidFile, "sleep" + marker.stripTrailing());
        ProcessHandle started = process.start(List.of("sleep", "3600"), dir, log);
        try {
            assertThat(process.running()).map(ProcessHandle::pid).contains(started.pid());
            assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(started.pid()));
            String stat = Files.readString(Path.of("/proc", Long.toString(started.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertThat(fields[3]).as("session id = its own pid").isEqualTo(Long.toString(started.pid()));
            assertThat(Files.readString(log)).contains("starting sleep");
            assertThat(ServerProcess.rssBytes(started.pid())).isPositive();
        } finally {
            assertThat(process.stop(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(started.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
        assertThat(process.stop(Duration.ofSeconds(1)))
                .as("second stop finds nothing")
                .isFalse();
    }
}
