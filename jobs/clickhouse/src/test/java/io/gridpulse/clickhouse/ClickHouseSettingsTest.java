package io.gridpulse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickHouseSettingsTest {

    @Test
    void acceptsHttpAndJdbcUrlsAndDropsPaths() {
        assertThat(ClickHouseSettings.normalise("http://ch:8123")).isEqualTo("http://ch:8123");
        assertThat(ClickHouseSettings.normalise("jdbc:clickhouse:https://ch:8443/gridpulse"))
                .isEqualTo("https://ch:8443");
        // One rule for every component (the stack's Endpoints too): a URL without scheme is refused.
        assertThatThrownBy(() -> ClickHouseSettings.normalise("ch:8123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordNeverPrinted() {
        ClickHouseSettings s = ClickHouseSettings.fromEnvironment(
                Map.of("CLICKHOUSE_URL", "http://ch:8123", "CLICKHOUSE_PASSWORD", "s3cret"));
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThat(s.database()).isEqualTo("gridpulse");
    }

    @Test
    void absentWithoutUrl() {
        assertThat(ClickHouseSettings.fromEnvironment(Map.of())).isNull();
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> new ClickHouseSettings("http://x", null, null, "a; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
