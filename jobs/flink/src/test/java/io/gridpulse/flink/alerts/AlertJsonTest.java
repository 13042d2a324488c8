package io.gridpulse.flink.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.codec.SchemaValidation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    private static final SchemaValidation SCHEMAS = SchemaValidation.forRepository();

    private static Alert overdue() {
        return new Alert(
                Alert.id(AlertType.OVERDUE, "d-1", 1_760_000_000_000L),
                AlertType.OVERDUE,
                1_760_000_000_000L,
                1_760_000_100_000L,
                null,
                0,
                "WARNING",
                "c-1",
                "d-1",
                "D01",
                "35010200100101",
                "0101",
                null,
                null,
                "{\"deadline\":\"2026-10-09T18:00:00+08:00\"}");
    }

    @Test
    void an_instant_alert_matches_the_schema() {
        String json = new String(AlertJson.toJson(overdue()), StandardCharsets.UTF_8);
        assertThat(SCHEMAS.validateJson(SchemaValidation.ALERT, json)).isEmpty();
        assertThat(json).contains("\"ended_at\":null").contains("\"time\":\"2025-10-09T16:53:20+08:00\"");
    }

    @Test
    void an_ended_alert_keeps_its_id_and_takes_the_next_revision() {
        Alert open = overdue();
        Alert ended = open.endedAt(1_760_003_600_000L, 1_760_003_700_000L);
        assertThat(ended.alertId()).isEqualTo(open.alertId());
        assertThat(ended.revision()).isEqualTo(1);
        String json = new String(AlertJson.toJson(ended), StandardCharsets.UTF_8);
        assertThat(SCHEMAS.validateJson(SchemaValidation.ALERT, json)).isEmpty();
    }

    @Test
    void ids_are_deterministic_and_tell_parts_apart() {
        assertThat(Alert.id(AlertType.OVERDUE, "d-1", 5L)).isEqualTo(Alert.id(AlertType.OVERDUE, "d-1", 5L));
        assertThat(Alert.id(AlertType.OVERDUE, "d-1", 5L)).isNotEqualTo(Alert.id(AlertType.OVERDUE_WARNING, "d-1", 5L));
        // the separator cannot be forged by a part that contains it
        assertThat(Alert.id(AlertType.HOTSPOT, "a\u001fb", "c"))
                .isNotEqualTo(Alert.id(AlertType.HOTSPOT, "a", "b\u001fc"));
        assertThat(Alert.id(AlertType.HOTSPOT, "ab")).hasSize(32);
    }
}
