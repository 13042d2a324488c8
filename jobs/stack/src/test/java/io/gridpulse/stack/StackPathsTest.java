package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StackPathsTest {

    private static Properties props(String repoRoot) {
        Properties p = new Properties();
        p.setProperty("user.home", "/home/u");
        if (repoRoot != null) {
            p.setProperty("gridpulse.repo.root", repoRoot);
        }
        return p;
    }

    @Test
    void homeFromEnvironmentWinsOverRepoRoot() {
        StackPaths p = StackPaths.resolve(Map.of("GRIDPULSE_HOME", "/data/gp"), props("/repo"));
        assertThat(p.home()).isEqualTo(Path.of("/data/gp"));
        assertThat(p.kafka().data()).isEqualTo(Path.of("/data/gp/stack/kafka/data"));
        assertThat(p.clickhouse().pidFile()).isEqualTo(Path.of("/data/gp/stack/clickhouse/clickhouse.pid"));
        assertThat(p.clickhouse().log()).isEqualTo(Path.of("/data/gp/stack/clickhouse/clickhouse.log"));
        assertThat(p.kafka().portFile()).isEqualTo(Path.of("/data/gp/stack/kafka/ports"));
        assertThat(p.lockFile()).isEqualTo(Path.of("/data/gp/stack/lock"));
    }

    @Test
    void homeUnderRepoRootWhenNoEnvironment() {
        StackPaths p = StackPaths.resolve(Map.of("GRIDPULSE_HOME", " "), props("/repo"));
        assertThat(p.home()).isEqualTo(Path.of("/repo/.gridpulse"));
    }

    @Test
    void homeInWorkingDirectoryAsLastResort() {
        StackPaths p = StackPaths.resolve(Map.of(), props(null));
        assertThat(p.home()).isEqualTo(Path.of(".gridpulse").toAbsolutePath().normalize());
    }

    @Test
    void cacheFromEnvironmentElseUnderUserHome() {
        assertThat(StackPaths.resolve(Map.of("GRIDPULSE_CACHE", "/cache/gp"), props(null))
                        .cache())
                .isEqualTo(Path.of("/cache/gp"));
        assertThat(StackPaths.resolve(Map.of(), props(null)).cache()).isEqualTo(Path.of("/home/u/.cache/gridpulse"));
    }

    @Test
    void kafkaAndClickHouseNeverShareAFile() {
        StackPaths p = StackPaths.resolve(Map.of(), props("/repo"));
        assertThat(p.kafka().dir()).isNotEqualTo(p.clickhouse().dir());
        assertThat(p.kafka().data().startsWith(p.kafka().dir())).isTrue();
        assertThat(p.clickhouse().data().startsWith(p.clickhouse().dir())).isTrue();
    }
}
