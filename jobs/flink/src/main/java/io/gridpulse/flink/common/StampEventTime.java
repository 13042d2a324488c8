package io.gridpulse.flink.common;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Gives each record its own event time as its Flink timestamp. Records made inside a job (a
 * sensor alarm's REPORTED case) carry the timestamp of whatever emitted them, a timer's instant
 * for instance, which depends on when the timer fired and so on restarts; windows downstream
 * must see the event's own time, as they do for records read from Kafka.
 */
public final class StampEventTime extends AbstractStreamOperator<FeedRecord>
        implements OneInputStreamOperator<FeedRecord, FeedRecord> {

    @Override
    public void processElement(StreamRecord<FeedRecord> element) {
        output.collect(element.replace(element.getValue(), element.getValue().eventTime()));
    }
}
