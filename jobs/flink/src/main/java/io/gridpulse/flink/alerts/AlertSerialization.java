package io.gridpulse.flink.alerts;

import io.gridpulse.domain.alert.Alert;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Key and value of an alert on the alerts topic. Named classes rather than lambdas: the Kafka
 * sink's lineage reporting must read the type parameter of its serialization schemas.
 */
public final class AlertSerialization {

    private AlertSerialization() {}

    /** The record key: the deterministic alert id, so that a compacted topic keeps one per alert. */
    public static final class Key implements SerializationSchema<Alert> {
        @Override
        public byte[] serialize(Alert a) {
            return a.alertId().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The record value: schemas/alert.schema.json. */
    public static final class Value implements SerializationSchema<Alert> {
        @Override
        public byte[] serialize(Alert a) {
            return AlertJson.toJson(a);
        }
    }
}
