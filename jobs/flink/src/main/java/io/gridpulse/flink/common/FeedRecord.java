package io.gridpulse.flink.common;

import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.flink.common.wire.FeedRecordSerializer;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One record read from a feed topic, decoded at the source so that timestamps and per-partition
 * watermarks come from event time: exactly one of the four payloads is set. {@code raw} holds a
 * case event's bytes, so that a conflicting duplicate can be rejected with its text (sanitized
 * only then, for the few that need it); null otherwise.
 */
@TypeInfo(FeedRecordSerializer.Factory.class)
public record FeedRecord(
        CaseEvent caseEvent,
        VehiclePosition position,
        SensorReading reading,
        Rejection rejection,
        byte[] raw,
        String origin) {

    /** The event time, or Long.MIN_VALUE for a rejection (which never moves the watermark). */
    public long eventTime() {
        if (caseEvent != null) {
            return caseEvent.time();
        }
        if (position != null) {
            return position.time();
        }
        if (reading != null) {
            return reading.time();
        }
        return Long.MIN_VALUE;
    }
}
