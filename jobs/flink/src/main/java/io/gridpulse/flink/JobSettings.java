package io.gridpulse.flink;

import io.gridpulse.clickhouse.ClickHouseSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a gridpulse job needs to run, typed and defaulted in one place. Built by the
 * command line (from its options and the environment) or by {@link GridpulseJobs#main} on a
 * cluster. Immutable and serializable (it travels inside the job graph).
 *
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param kafkaProperties extra Kafka client properties (SASL/TLS: see docs/deployment.md)
 * @param clickHouse where results go
 * @param mode LIVE reads the topics continuously; BOUNDED reads exactly the given offsets
 * @param asOfMillis BOUNDED only: events after this instant are ignored and nothing after it fires
 * @param allowedLateness LIVE only: events older than event-time progress minus this are TOO_LATE;
 *     also how long the identity of a seen event is remembered for deduplication
 * @param outOfOrderness the watermark's bound on disorder within one Kafka partition
 * @param idleness a partition silent this long stops holding the watermark back (LIVE)
 * @param checkpointInterval Flink checkpoint interval
 * @param sinkBatchSize rows per ClickHouse insert
 * @param parallelism job parallelism
 * @param phoneHashKey the key of the keyed hash that replaces reporterPhone
 */
public record JobSettings(
        String kafkaBootstrap,
        Map<String, String> kafkaProperties,
        ClickHouseSettings clickHouse,
        Mode mode,
        long asOfMillis,
        Duration allowedLateness,
        Duration outOfOrderness,
        Duration idleness,
        Duration checkpointInterval,
        int sinkBatchSize,
        int parallelism,
        String phoneHashKey)
        implements Serializable {

    /** How a job reads its topics. */
    public enum Mode {
        LIVE,
        BOUNDED
    }

    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofDays(7);
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofMinutes(2);
    public static final Duration DEFAULT_IDLENESS = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_SINK_BATCH_SIZE = 100_000;

    public JobSettings {
        kafkaProperties = Map.copyOf(kafkaProperties == null ? Map.of() : kafkaProperties);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (sinkBatchSize < 1) {
            throw new IllegalArgumentException("sink batch size must be at least 1");
        }
    }

    public boolean live() {
        return mode == Mode.LIVE;
    }

    /** True when an event at this time is beyond the as-of time and must be ignored. */
    public boolean afterAsOf(long eventTime) {
        return mode == Mode.BOUNDED && eventTime > asOfMillis;
    }

    @Override
    public String toString() {
        return "JobSettings[kafka=" + kafkaBootstrap + ", " + clickHouse + ", mode=" + mode + ", asOf=" + asOfMillis
                + ", parallelism=" + parallelism + "]";
    }
}
