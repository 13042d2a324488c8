package io.gridpulse.flink.common;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.alerts.AlertSerialization;
import io.gridpulse.flink.alerts.AlertTable;
import io.gridpulse.flink.sink.ClickHouseSink;
import io.gridpulse.flink.sink.RejectedSerialization;
import io.gridpulse.flink.sink.RejectedTable;
import io.gridpulse.flink.sink.WallClockTopicRecords;
import java.io.Serializable;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where a job's results go. Production writes ClickHouse tables and the rejected and alerts topics; tests
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
        rejectedSinks(rejections, feed.code());
    }

    /**
     * Rejections of a later step of a feed's job (e.g. CASE_PURGED from the case workflow); {@code
     * step} tells its sinks apart in the job graph (and its uids) from those of the feed's front.
     */
    public void rejected(DataStream<Rejection> rejections, Feed feed, String step) {
        rejectedSinks(rejections, feed.code() + "-" + step);
    }

    private void rejectedSinks(DataStream<Rejection> rejections, String name) {
        rejections
                .sinkTo(tableSink(RejectedTable.SPEC))
                .name("rejected-clickhouse-" + name)
                .uid("rejected-clickhouse-" + name);
        rejections.sinkTo(rejectedTopic()).name("rejected-kafka-" + name).uid("rejected-kafka-" + name);
    }

    /**
     * Alerts go to the {@code alerts} table and, at least once and keyed by alert id, to the
     * alerts topic. {@code name} tells the producing rule apart in the job graph (and its uids).
     */
    public void alerts(DataStream<Alert> alerts, String name) {
        alerts.sinkTo(tableSink(AlertTable.SPEC))
                .name("alerts-clickhouse-" + name)
                .uid("alerts-clickhouse-" + name);
        alerts.sinkTo(alertsTopic()).name("alerts-kafka-" + name).uid("alerts-kafka-" + name);
    }

    /**
     * REPORTED events that sensor alarms generate go to the cases topic, keyed by case like every
     * case event, so that live case jobs take them in (process runs also hand them to the case
     * pipeline directly: see SensorIngestJob).
     */
    public void sensorCases(DataStream<FeedRecord> cases) {
        cases.sinkTo(casesTopic()).name("sensor-cases-kafka").uid("sensor-cases-kafka");
    }

    protected Sink<FeedRecord> casesTopic() {
        return topicSink(Feed.CASES.topic(), new CaseRecordSerialization.Key(), new CaseRecordSerialization.Value());
    }

    protected Sink<Rejection> rejectedTopic() {
        return topicSink(Feed.REJECTED_TOPIC, new RejectedSerialization.Key(), new RejectedSerialization.Value());
    }

    protected Sink<Alert> alertsTopic() {
        return topicSink(Feed.ALERTS_TOPIC, new AlertSerialization.Key(), new AlertSerialization.Value());
    }

    private <T> Sink<T> topicSink(String topic, SerializationSchema<T> key, SerializationSchema<T> value) {
        Properties props = new Properties();
        props.putAll(settings.kafkaProperties());
        return KafkaSink.<T>builder()
                .setBootstrapServers(settings.kafkaBootstrap())
                .setKafkaProducerConfig(props)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(new WallClockTopicRecords<>(topic, key, value))
                .build();
    }
}
