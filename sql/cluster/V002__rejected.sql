-- Generated from sql/migrations/V002__rejected.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.rejected_local ON CLUSTER '{cluster}'
(
    reject_id String,
    feed      LowCardinality(String),
    reason    LowCardinality(String),
    detail    String,
    raw       String,
    seen_at   DateTime64(3, 'Asia/Shanghai'),
    origin    String
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/rejected_local', '{replica}')
PARTITION BY toYYYYMM(seen_at)
ORDER BY (feed, reason, reject_id);
CREATE TABLE IF NOT EXISTS ${db}.rejected ON CLUSTER '{cluster}' AS ${db}.rejected_local
ENGINE = Distributed('{cluster}', '${db}', 'rejected_local', cityHash64(feed, reason, reject_id));
