package io.gridpulse.flink.common;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes each Kafka message of a feed into exactly one {@link FeedRecord}: a valid event or a
 * rejection. Never throws for bad input, so a bad record never fails or restarts the job. The
 * origin (topic/partition@offset) makes a rejection's identity stable across replays.
 */
public final class FeedDeserializer implements KafkaRecordDeserializationSchema<FeedRecord> {

    private final FeedDecoders decoders;

    public FeedDeserializer(FeedDecoders decoders) {
        this.decoders = decoders;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<FeedRecord> out) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String origin = record.topic() + "/" + record.partition() + "@" + record.offset();
        out.collect(decoders.decode(value, System.currentTimeMillis(), origin));
    }

    @Override
    public TypeInformation<FeedRecord> getProducedType() {
        return TypeInformation.of(FeedRecord.class);
    }
}
