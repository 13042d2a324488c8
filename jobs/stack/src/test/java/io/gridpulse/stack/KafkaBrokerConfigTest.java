package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerConfigTest {

    private final Map<String, String> p = KafkaBrokerConfig.properties(Path.of("/gp/stack/kafka/data"), 40001, 40002);

    @Test
    void combinedSingleNodeOnLoopbackOnly() {
        assertThat(p.get("process.roles")).isEqualTo("broker,controller");
        assertThat(p.get("node.id")).isEqualTo("1");
        assertThat(p.get("controller.quorum.voters")).isEqualTo("1@127.0.0.1:40002");
        assertThat(p.get("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40002");
        assertThat(p.get("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:40001");
        assertThat(p.values()).noneMatch(v -> v.contains("0.0.0.0") || v.contains("localhost"));
    }

    @Test
    void internalTopicsFitOneBroker() {
        assertThat(p.get("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.get("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.get("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.get("share.coordinator.state.topic.replication.factor")).isEqualTo("1");
        assertThat(p.get("min.insync.replicas")).isEqualTo("1");
    }

    @Test
    void topicsAreCreatedExplicitlyWithTwoPartitionsByDefault() {
        assertThat(p.get("auto.create.topics.enable")).isEqualTo("false");
        assertThat(p.get("num.partitions")).isEqualTo("2");
        assertThat(p.get("group.initial.rebalance.delay.ms")).isEqualTo("0");
    }

    @Test
    void aOneMegabyteRecordFitsWithRoomForItsBatch() {
        int oneMb = 1024 * 1024;
        assertThat(Integer.parseInt(p.get("message.max.bytes"))).isGreaterThanOrEqualTo(2 * oneMb);
        assertThat(Integer.parseInt(p.get("replica.fetch.max.bytes")))
                .isGreaterThanOrEqualTo(Integer.parseInt(p.get("message.max.bytes")));
    }

    @Test
    void samePortTwiceIsRefused() {
        assertThatThrownBy(() -> KafkaBrokerConfig.properties(Path.of("/d"), 40001, 40001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40001");
    }

    @Test
    void writtenFileReadsBackEvenWithBackslashesAndNonLatinPaths(@TempDir Path dir) throws Exception {
        Path logDir = dir.resolve("数字城管 data\\x");
        Map<String, String> props = KafkaBrokerConfig.properties(logDir, 40001, 40002);
        Path file = dir.resolve("server.properties");
        KafkaBrokerMain.writeProperties(file, props);
        Properties back = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            back.load(in);
        }
        assertThat(back.getProperty("log.dirs"))
                .isEqualTo(logDir.toAbsolutePath().toString());
        assertThat(back).hasSize(props.size());
    }
}
