package io.gridpulse.flink.sink;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Messages of one topic, keyed, stamped with the time they are sent rather than the Flink record's
 * event time. An alert's event time can lie days in the future of the wall clock (a bounded run
 * over data that reaches today, a deadline tick), and brokers refuse timestamps beyond
 * {@code message.timestamp.after.max.ms}; the event time is in the message body anyway.
 * Partitioned by key, like a plain producer. Immutable.
 */
public final class WallClockTopicRecords<T> implements KafkaRecordSerializationSchema<T> {

    private final String topic;
    private final SerializationSchema<T> key;
    private final SerializationSchema<T> value;

    public WallClockTopicRecords(String topic, SerializationSchema<T> key, SerializationSchema<T> value) {
        this.topic = topic;
        this.key = key;
        this.value = value;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {
        key.open(context);
        value.open(context);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        // a null timestamp lets the producer stamp the send time
        return new ProducerRecord<>(topic, null, null, key.serialize(element), value.serialize(element));
    }
}
