package io.gridpulse.flink.common;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.sink.ClickHouseSink;
import io.gridpulse.flink.sink.RejectedSerialization;
import io.gridpulse.flink.sink.RejectedTable;
import java.io.Serializable;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where a job's results go. Production writes ClickHouse tables and the rejected topic; tests
 * may substitute their own sinks through {@link #tableSink}.
 */
public class Outputs implements Serializable {

    private final JobSettings settings;

    public Outputs(JobSettings settings) {
        this.settings = settings;
    }

    /** A sink for one table's rows. */
    public <T> Sink<T> tableSink(TableSpec<T> spec) {
        return new ClickHouseSink<>(settings.clickHouse(), spec, settings.sinkBatchSize());
    }

    /** Rejections go to the rejected table and, keyed by their id, to the rejected topic. */
    public void rejected(DataStream<Rejection> rejections, Feed feed) {
        rejections
                .sinkTo(tableSink(RejectedTable.SPEC))
                .name("rejected-clickhouse-" + feed.code())
                .uid("rejected-clickhouse-" + feed.code());
        rejections.sinkTo(rejectedTopic()).name("rejected-kafka-" + feed.code()).uid("rejected-kafka-" + feed.code());
    }

    protected Sink<Rejection> rejectedTopic() {
        Properties props = new Properties();
        props.putAll(settings.kafkaProperties());
        return KafkaSink.<Rejection>builder()
                .setBootstrapServers(settings.kafkaBootstrap())
                .setKafkaProducerConfig(props)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(KafkaRecordSerializationSchema.<Rejection>builder()
                        .setTopic(Feed.REJECTED_TOPIC)
                        .setKeySerializationSchema(new RejectedSerialization.Key())
                        .setValueSerializationSchema(new RejectedSerialization.Value())
                        .build())
                .build();
    }
}
