-- Generated from sql/migrations/V001__raw_events.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.case_events_local ON CLUSTER '{cluster}'
(
    event_id            String,
    case_id             String,
    type                LowCardinality(String),
    time                DateTime64(3, 'Asia/Shanghai'),
    source              LowCardinality(String),
    category_code       LowCardinality(String),
    lon                 Nullable(Float64),
    lat                 Nullable(Float64),
    crs                 LowCardinality(String),
    grid_code           LowCardinality(String),
    community           LowCardinality(String),
    street              LowCardinality(String),
    district            LowCardinality(String),
    department          LowCardinality(String),
    deadline            Nullable(DateTime64(3, 'Asia/Shanghai')),
    inspector_id        String,
    address             String,
    description         String,
    reporter_phone_hash String,
    ingested_at         DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/case_events_local', '{replica}')
PARTITION BY toYYYYMM(time)
ORDER BY (type, case_id, event_id);
CREATE TABLE IF NOT EXISTS ${db}.case_events ON CLUSTER '{cluster}' AS ${db}.case_events_local
ENGINE = Distributed('{cluster}', '${db}', 'case_events_local', cityHash64(type, case_id, event_id));

CREATE TABLE IF NOT EXISTS ${db}.vehicle_positions_local ON CLUSTER '{cluster}'
(
    vehicle_id   String,
    time         DateTime64(3, 'Asia/Shanghai'),
    lon          Float64,
    lat          Float64,
    crs          LowCardinality(String),
    speed        Nullable(Float32),
    heading      Nullable(Float32),
    vehicle_type LowCardinality(String),
    plate        String,
    grid_code    LowCardinality(String),
    district     LowCardinality(String),
    ingested_at  DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/vehicle_positions_local', '{replica}')
PARTITION BY toYYYYMM(time)
ORDER BY (vehicle_id, time);
CREATE TABLE IF NOT EXISTS ${db}.vehicle_positions ON CLUSTER '{cluster}' AS ${db}.vehicle_positions_local
ENGINE = Distributed('{cluster}', '${db}', 'vehicle_positions_local', cityHash64(vehicle_id, time));

CREATE TABLE IF NOT EXISTS ${db}.sensor_readings_local ON CLUSTER '{cluster}'
(
    sensor_id   String,
    type        LowCardinality(String),
    time        DateTime64(3, 'Asia/Shanghai'),
    value       Float64,
    unit        LowCardinality(String),
    lon         Nullable(Float64),
    lat         Nullable(Float64),
    crs         LowCardinality(String),
    grid_code   LowCardinality(String),
    district    LowCardinality(String),
    ingested_at DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/sensor_readings_local', '{replica}')
PARTITION BY toYYYYMM(time)
ORDER BY (sensor_id, type, time);
CREATE TABLE IF NOT EXISTS ${db}.sensor_readings ON CLUSTER '{cluster}' AS ${db}.sensor_readings_local
ENGINE = Distributed('{cluster}', '${db}', 'sensor_readings_local', cityHash64(sensor_id, type, time));
