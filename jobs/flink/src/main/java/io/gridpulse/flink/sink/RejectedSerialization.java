package io.gridpulse.flink.sink;

import io.gridpulse.domain.codec.Rejection;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Key and value of a rejection on the rejected topic. Named classes rather than lambdas: the
 * Kafka sink's lineage reporting must read the type parameter of its serialization schemas.
 */
public final class RejectedSerialization {

    private RejectedSerialization() {}

    /** The record key: the deterministic reject id. */
    public static final class Key implements SerializationSchema<Rejection> {
        @Override
        public byte[] serialize(Rejection r) {
            return RejectedTable.rejectId(r).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The record value: schemas/rejected.schema.json. */
    public static final class Value implements SerializationSchema<Rejection> {
        @Override
        public byte[] serialize(Rejection r) {
            return RejectedJson.toJson(r);
        }
    }
}
