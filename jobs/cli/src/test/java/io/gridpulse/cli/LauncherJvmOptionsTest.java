package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher's choice of garbage collector per command ({@code jvm_opts} in {@code ./gridpulse}):
 * the parallel collector for bounded runs, G1 for live ones, and {@code GRIDPULSE_JAVA_OPTS} over
 * both. Runs the shell function itself, taken from the launcher.
 */
class LauncherJvmOptionsTest {

    private static final Path LAUNCHER =
            Path.of("../../gridpulse").toAbsolutePath().normalize();

    @Test
    void boundedRunsUseTheParallelCollector() throws Exception {
        for (String command :
                List.of("process --cases f.jsonl", "demo", "bench cases", "bench e2e", "bench vehicles")) {
            assertThat(optionsFor(command, Map.of()))
                    .as(command)
                    .contains("-XX:+UseParallelGC")
                    .doesNotContain("-XX:+UseG1GC");
        }
    }

    @Test
    void liveAndLatencyCommandsKeepG1() throws Exception {
        for (String command :
                List.of("bench alerts", "dashboard --port 8080", "stack start", "bulletin --month 2026-10")) {
            assertThat(optionsFor(command, Map.of()))
                    .as(command)
                    .contains("-XX:+UseG1GC")
                    .doesNotContain("-XX:+UseParallelGC");
        }
    }

    @Test
    void hugePagesAreRequestedOnlyWhereTheKernelWantsToBeAsked() throws Exception {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");
        assertThat(optionsFor("bench cases", Map.of()).contains("-XX:+UseTransparentHugePages"))
                .isEqualTo(madvise);
    }

    @Test
    void gridpulseJavaOptsReplacesTheDefaults() throws Exception {
        assertThat(optionsFor("bench cases", Map.of("GRIDPULSE_JAVA_OPTS", "-XX:+UseG1GC -Xss2m")))
                .containsExactly("-XX:+UseG1GC", "-Xss2m");
    }

    private static List<String> optionsFor(String command, Map<String, String> env)
            throws IOException, InterruptedException {
        assertThat(LAUNCHER).isRegularFile();
        List<String> cmd = new ArrayList<>(List.of(
                "bash",
                "-c",
                "eval \"$(sed -n '/^jvm_opts() {/,/^}/p' \"$0\")\"; jvm_opts \"$@\"; printf '%s\\n' \"${JVM_OPTS[@]}\"",
                LAUNCHER.toString()));
        cmd.addAll(List.of(command.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("GRIDPULSE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
