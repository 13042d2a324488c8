package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.flink.common.ReferencePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessOptionsTest {

    private static final ReferencePaths DEMO = new ReferencePaths(
            Path.of("grids.geojson"), Crs.WGS84, Path.of("catalog.csv"), null, null, null, null, null, null);

    @TempDir
    Path dir;

    private String cases;

    @BeforeEach
    void feed() throws IOException {
        cases = Files.writeString(dir.resolve("cases.jsonl"), "").toString();
    }

    private ProcessOptions parse(String... args) {
        return ProcessOptions.parse(
                Stream.concat(Stream.of("--cases", cases), Stream.of(args)).toArray(String[]::new), DEMO);
    }

    @Test
    void defaults_leave_faults_off_and_warn_at_four_fifths() {
        ProcessOptions o = parse();
        assertThat(o.faultInjection()).isFalse();
        assertThat(o.warningShare()).isEqualTo(0.8);
        assertThat(o.parallelism()).isEqualTo(2);
    }

    @Test
    void warning_share_and_fault_injection_are_taken() {
        ProcessOptions o = parse("--warning-share", "0.5", "--fault-injection");
        assertThat(o.warningShare()).isEqualTo(0.5);
        assertThat(o.faultInjection()).isTrue();
        // the with-methods keep every other option
        assertThat(o.withFaultInjection(false).warningShare()).isEqualTo(0.5);
    }

    @Test
    void a_warning_share_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> parse("--warning-share", "1.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> parse("--warning-share", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--warning-share");
    }
}
