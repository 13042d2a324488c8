package io.gridpulse.flink.common;

import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka source of one feed. LIVE: from the committed offsets of the feed's consumer group
 * (earliest on first start), unbounded. BOUNDED: exactly the offsets a `process` run published,
 * from {@code start} (inclusive) to {@code end} (exclusive).
 */
public final class FeedSource {

    private FeedSource() {}

    public static KafkaSource<FeedRecord> live(JobSettings s, Feed feed, FeedDecoders decoders) {
        return base(s, feed, decoders)
                .setTopics(feed.topic())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .build();
    }

    public static KafkaSource<FeedRecord> bounded(
            JobSettings s,
            Feed feed,
            FeedDecoders decoders,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end) {
        // Exactly the partitions given (of the feed's topic, or of a benchmark's own topic).
        return base(s, feed, decoders)
                .setPartitions(new java.util.HashSet<>(start.keySet()))
                .setStartingOffsets(OffsetsInitializer.offsets(start))
                .setBounded(OffsetsInitializer.offsets(end))
                .build();
    }

    private static KafkaSourceBuilder<FeedRecord> base(JobSettings s, Feed feed, FeedDecoders decoders) {
        Properties props = new Properties();
        props.putAll(s.kafkaProperties());
        // A valid record may be 1 MB; fetch sizes must allow it.
        props.putIfAbsent("max.partition.fetch.bytes", String.valueOf(4 * 1024 * 1024));
        return KafkaSource.<FeedRecord>builder()
                .setBootstrapServers(s.kafkaBootstrap())
                .setGroupId("gridpulse-" + feed.code())
                .setProperties(props)
                .setDeserializer(new FeedDeserializer(decoders));
    }

    /**
     * Event time from the decoded record, per Kafka partition (the source's split-aware
     * watermarks): a `process` run publishes each partition in event-time order, so nothing is
     * late there; live feeds get the configured disorder bound and idleness.
     */
    public static WatermarkStrategy<FeedRecord> watermarks(JobSettings s) {
        WatermarkStrategy<FeedRecord> w = WatermarkStrategy.<FeedRecord>forBoundedOutOfOrderness(s.outOfOrderness())
                .withTimestampAssigner((r, ts) -> r.eventTime());
        return s.live() ? w.withIdleness(s.idleness()) : w;
    }
}
