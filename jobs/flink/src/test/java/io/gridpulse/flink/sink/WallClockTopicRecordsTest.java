package io.gridpulse.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.flink.alerts.AlertSerialization;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class WallClockTopicRecordsTest {

    @Test
    void an_alert_days_in_the_future_is_sent_without_its_event_time_as_the_message_timestamp() {
        long inTenDays = System.currentTimeMillis() + 10L * 86_400_000L;
        Alert a = new Alert(
                Alert.id(AlertType.OVERDUE, "d-1", inTenDays),
                AlertType.OVERDUE,
                inTenDays,
                System.currentTimeMillis(),
                null,
                0,
                "WARNING",
                "c-1",
                "d-1",
                null,
                null,
                null,
                null,
                null,
                null);
        var records = new WallClockTopicRecords<>(
                "gridpulse.alerts", new AlertSerialization.Key(), new AlertSerialization.Value());
        // the sink context passes the Flink record's timestamp: the event time
        ProducerRecord<byte[], byte[]> r = records.serialize(a, null, inTenDays);
        assertThat(r.timestamp()).isNull();
        assertThat(r.partition()).isNull();
        assertThat(r.topic()).isEqualTo("gridpulse.alerts");
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(a.alertId());
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"type\":\"OVERDUE\"");
    }
}
