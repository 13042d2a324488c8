package io.gridpulse.flink.common;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Key and value of a case event the jobs themselves publish on the cases topic (sensor alarms
 * that report cases): keyed by caseId, the value is the event's JSON text. Named classes: the
 * Kafka sink's lineage reporting reads their type parameter.
 */
public final class CaseRecordSerialization {

    private CaseRecordSerialization() {}

    public static final class Key implements SerializationSchema<FeedRecord> {
        @Override
        public byte[] serialize(FeedRecord r) {
            return r.caseEvent().caseId().getBytes(StandardCharsets.UTF_8);
        }
    }

    public static final class Value implements SerializationSchema<FeedRecord> {
        @Override
        public byte[] serialize(FeedRecord r) {
            return r.raw();
        }
    }
}
