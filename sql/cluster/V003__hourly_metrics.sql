-- Generated from sql/migrations/V003__hourly_metrics.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.case_hourly_local ON CLUSTER '{cluster}'
(
    hour          DateTime('Asia/Shanghai'),
    grid_code     LowCardinality(String),
    category_code LowCardinality(String),
    source        LowCardinality(String),
    reports       UInt64,
    version       UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/case_hourly_local', '{replica}', version)
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, grid_code, category_code, source);
CREATE TABLE IF NOT EXISTS ${db}.case_hourly ON CLUSTER '{cluster}' AS ${db}.case_hourly_local
ENGINE = Distributed('{cluster}', '${db}', 'case_hourly_local', cityHash64(hour, grid_code, category_code, source));

CREATE TABLE IF NOT EXISTS ${db}.vehicle_hourly_local ON CLUSTER '{cluster}'
(
    hour         DateTime('Asia/Shanghai'),
    vehicle_id   String,
    vehicle_type LowCardinality(String),
    positions    UInt64,
    distance_km  Float64,
    version      UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/vehicle_hourly_local', '{replica}', version)
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, vehicle_id);
CREATE TABLE IF NOT EXISTS ${db}.vehicle_hourly ON CLUSTER '{cluster}' AS ${db}.vehicle_hourly_local
ENGINE = Distributed('{cluster}', '${db}', 'vehicle_hourly_local', cityHash64(hour, vehicle_id));

CREATE TABLE IF NOT EXISTS ${db}.sensor_hourly_local ON CLUSTER '{cluster}'
(
    hour      DateTime('Asia/Shanghai'),
    sensor_id String,
    type      LowCardinality(String),
    grid_code LowCardinality(String),
    readings  UInt64,
    min       Float64,
    max       Float64,
    avg       Float64,
    last      Float64,
    version   UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/sensor_hourly_local', '{replica}', version)
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, sensor_id, type);
CREATE TABLE IF NOT EXISTS ${db}.sensor_hourly ON CLUSTER '{cluster}' AS ${db}.sensor_hourly_local
ENGINE = Distributed('{cluster}', '${db}', 'sensor_hourly_local', cityHash64(hour, sensor_id, type));
