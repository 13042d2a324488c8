package io.gridpulse.flink.alerts.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.alert.spatial.HotspotRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpatialAlertSettingsTest {

    @TempDir
    Path dir;

    @Test
    void noOptionsGiveTheIssueDefaults() throws Exception {
        SpatialAlertSettings s = SpatialAlertSettings.fromOptions(Map.<String, String>of()::get);
        assertThat(s).isEqualTo(SpatialAlertSettings.DEFAULTS);
        assertThat(s.hotspotRules().ruleFor("any")).isEqualTo(new HotspotRule(5, 60 * 60_000L));
        assertThat(s.duplicateMeters()).isEqualTo(50);
        assertThat(s.duplicateWindowMillis()).isEqualTo(30 * 60_000L);
    }

    @Test
    void optionsAndTheRulesFileOverrideTheDefaults() throws Exception {
        Path rules = dir.resolve("hotspot.csv");
        Files.writeString(rules, "categoryCode,k,windowMinutes\n0101,3,20\n");
        SpatialAlertSettings s = SpatialAlertSettings.fromOptions(Map.of(
                "hotspot-rules", rules.toString(),
                "hotspot-k", "4",
                "hotspot-window-minutes", "90",
                "duplicate-meters", "25.5",
                "duplicate-minutes", "10")::get);
        assertThat(s.hotspotRules().ruleFor("0101")).isEqualTo(HotspotRule.ofMinutes(3, 20));
        assertThat(s.hotspotRules().ruleFor("0202")).isEqualTo(HotspotRule.ofMinutes(4, 90));
        assertThat(s.duplicateMeters()).isEqualTo(25.5);
        assertThat(s.duplicateWindowMillis()).isEqualTo(10 * 60_000L);
    }

    @Test
    void badValuesNameTheirOption() {
        assertThatThrownBy(() -> SpatialAlertSettings.fromOptions(Map.of("hotspot-k", "x")::get))
                .hasMessageContaining("--hotspot-k");
        assertThatThrownBy(() -> SpatialAlertSettings.fromOptions(Map.of("hotspot-k", "1")::get))
                .hasMessageContaining("--hotspot-k");
        assertThatThrownBy(() -> SpatialAlertSettings.fromOptions(Map.of("duplicate-meters", "-3")::get))
                .hasMessageContaining("--duplicate-meters");
        assertThatThrownBy(() -> SpatialAlertSettings.fromOptions(Map.of("duplicate-minutes", "-3")::get))
                .hasMessageContaining("--duplicate-minutes");
    }
}
