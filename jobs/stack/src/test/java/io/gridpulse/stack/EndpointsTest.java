package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

    @Test
    void emptyUnlessBothKafkaAndClickHouseAreNamed() {
        assertThat(Endpoints.fromEnvironment(Map.of())).isEmpty();
        assertThat(Endpoints.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092")))
                .isEmpty();
        assertThat(Endpoints.fromEnvironment(Map.of("CLICKHOUSE_URL", "http://c:8123")))
                .isEmpty();
        assertThat(Endpoints.fromEnvironment(
                        Map.of("KAFKA_BOOTSTRAP_SERVERS", "  ", "CLICKHOUSE_URL", "http://c:8123")))
                .as("blank counts as unset")
                .isEmpty();
    }

    @Test
    void externalWithDefaultUserAndNoPassword() {
        Endpoints e = Endpoints.fromEnvironment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092", "CLICKHOUSE_URL", "http://ch.example:8123"))
                .orElseThrow();
        assertThat(e.kafkaBootstrap()).isEqualTo("k1:9092,k2:9092");
        assertThat(e.clickhouseUrl()).isEqualTo("http://ch.example:8123");
        assertThat(e.clickhouseUser()).isEqualTo("default");
        assertThat(e.clickhousePassword()).isEmpty();
        assertThat(e.local()).isFalse();
    }

    @Test
    void jdbcUrlsAreNormalisedToTheHttpUrl() {
        assertThat(Endpoints.normaliseClickHouseUrl("jdbc:clickhouse:http://ch:8123/gridpulse?ssl=false"))
                .isEqualTo("http://ch:8123");
        assertThat(Endpoints.normaliseClickHouseUrl("jdbc:clickhouse:https://ch:8443"))
                .isEqualTo("https://ch:8443");
        assertThat(Endpoints.normaliseClickHouseUrl("jdbc:clickhouse://ch:8123/db"))
                .as("no protocol: HTTP, the driver's default")
                .isEqualTo("http://ch:8123");
        assertThat(Endpoints.normaliseClickHouseUrl("JDBC:ClickHouse:HTTP://ch:8123"))
                .as("case of scheme and prefix")
                .isEqualTo("http://ch:8123");
    }

    @Test
    void trailingSlashAndPathAreDropped() {
        assertThat(Endpoints.normaliseClickHouseUrl(" http://127.0.0.1:8123/ ")).isEqualTo("http://127.0.0.1:8123");
        assertThat(Endpoints.normaliseClickHouseUrl("https://ch.example")).isEqualTo("https://ch.example");
    }

    @Test
    void badUrlsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Endpoints.normaliseClickHouseUrl("ch:8123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a ClickHouse HTTP URL");
        assertThatThrownBy(() -> Endpoints.normaliseClickHouseUrl("tcp://ch:9000"))
                .hasMessageContaining("Not a ClickHouse HTTP URL");
        assertThatThrownBy(() -> Endpoints.normaliseClickHouseUrl("http://user:secret@ch:8123"))
                .hasMessageContaining("CLICKHOUSE_USER")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Endpoints.fromEnvironment(
                        Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092", "CLICKHOUSE_URL", "http://")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordFromVariableBeatsPasswordFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        Endpoints e = Endpoints.fromEnvironment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                        "CLICKHOUSE_URL", "http://c:8123",
                        "CLICKHOUSE_USER", "gp",
                        "CLICKHOUSE_PASSWORD", "direct",
                        "CLICKHOUSE_PASSWORD_FILE", file.toString()))
                .orElseThrow();
        assertThat(e.clickhouseUser()).isEqualTo("gp");
        assertThat(e.clickhousePassword()).isEqualTo("direct");
    }

    @Test
    void passwordFileFirstLineWithoutLineEnd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, " spaced pw \r\nsecond line\n");
        Endpoints e = Endpoints.fromEnvironment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                        "CLICKHOUSE_URL", "http://c:8123",
                        "CLICKHOUSE_PASSWORD_FILE", file.toString()))
                .orElseThrow();
        assertThat(e.clickhousePassword()).isEqualTo(" spaced pw ");
    }

    @Test
    void unreadablePasswordFileIsAnError(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> Endpoints.fromEnvironment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                        "CLICKHOUSE_URL", "http://c:8123",
                        "CLICKHOUSE_PASSWORD_FILE", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLICKHOUSE_PASSWORD_FILE")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void toStringAndExportLinesNeverShowThePassword() {
        Endpoints e = new Endpoints("k:9092", "http://c:8123", "gp", "s3cr3t", false);
        assertThat(e.toString()).doesNotContain("s3cr3t").contains("password=(set)");
        assertThat(e.exportLines())
                .doesNotContain("s3cr3t")
                .contains("export KAFKA_BOOTSTRAP_SERVERS=k:9092\n")
                .contains("export CLICKHOUSE_URL=http://c:8123\n")
                .contains("export CLICKHOUSE_USER=gp\n");
    }

    @Test
    void localEndpointsAreOnLoopback() {
        Endpoints e = Endpoints.local(40001, 40002);
        assertThat(e.kafkaBootstrap()).isEqualTo("127.0.0.1:40001");
        assertThat(e.clickhouseUrl()).isEqualTo("http://127.0.0.1:40002");
        assertThat(e.local()).isTrue();
        assertThat(e.exportLines()).doesNotContain("CLICKHOUSE_USER");
    }
}
