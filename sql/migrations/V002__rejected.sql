-- Every bad input record, exactly once (contracts.md, Bad input). reject_id is derived from
-- where the record came from (topic, partition, offset, or the file line for records that
-- `process` refuses before Kafka), so a replay writes the same id again and leaves one row.
-- raw is cut to 64 KB, invalid bytes escaped and personal data masked before it gets here.

CREATE TABLE IF NOT EXISTS ${db}.rejected
(
    reject_id String,
    feed      LowCardinality(String),
    reason    LowCardinality(String),
    detail    String,
    raw       String,
    seen_at   DateTime64(3, 'Asia/Shanghai'),
    origin    String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(seen_at)
ORDER BY (feed, reason, reject_id);
