-- Generated from sql/migrations/V010__alerts.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.alerts_local ON CLUSTER '{cluster}'
(
    alert_id      String,
    type          LowCardinality(String),
    time          DateTime64(3, 'Asia/Shanghai'),
    emitted_at    DateTime64(3, 'Asia/Shanghai'),
    ended_at      Nullable(DateTime64(3, 'Asia/Shanghai')),
    revision      UInt32,
    severity      LowCardinality(String),
    case_id       String,
    dispatch_id   String,
    department    LowCardinality(String),
    grid_code     LowCardinality(String),
    category_code LowCardinality(String),
    vehicle_id    String,
    sensor_id     String,
    details       String
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/alerts_local', '{replica}', revision)
PARTITION BY toYYYYMM(time)
ORDER BY (type, alert_id);
CREATE TABLE IF NOT EXISTS ${db}.alerts ON CLUSTER '{cluster}' AS ${db}.alerts_local
ENGINE = Distributed('{cluster}', '${db}', 'alerts_local', cityHash64(type, alert_id));
