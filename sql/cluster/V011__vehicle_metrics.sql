-- Generated from sql/migrations/V011__vehicle_metrics.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.vehicle_daily_local ON CLUSTER '{cluster}'
(
    day                  Date,
    vehicle_id           String,
    vehicle_type         LowCardinality(String),
    positions            UInt64,
    distance_km          Float64,
    moving_minutes       Float64,
    stationary_minutes   Float64,
    grids_visited        UInt32,
    dropped_same_time    UInt64,
    dropped_too_fast     UInt64,
    dropped_out_of_order UInt64,
    new_starts           UInt64,
    version              UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/vehicle_daily_local', '{replica}', version)
PARTITION BY toYYYYMM(day)
ORDER BY (day, vehicle_id);
CREATE TABLE IF NOT EXISTS ${db}.vehicle_daily ON CLUSTER '{cluster}' AS ${db}.vehicle_daily_local
ENGINE = Distributed('{cluster}', '${db}', 'vehicle_daily_local', cityHash64(day, vehicle_id));

CREATE TABLE IF NOT EXISTS ${db}.vehicle_grid_daily_local ON CLUSTER '{cluster}'
(
    day          Date,
    grid_code    String,
    vehicle_id   String,
    vehicle_type LowCardinality(String),
    visits       UInt64,
    positions    UInt64,
    first_visit  DateTime64(3, 'Asia/Shanghai'),
    last_visit   DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/vehicle_grid_daily_local', '{replica}', positions)
PARTITION BY toYYYYMM(day)
ORDER BY (day, grid_code, vehicle_id);
CREATE TABLE IF NOT EXISTS ${db}.vehicle_grid_daily ON CLUSTER '{cluster}' AS ${db}.vehicle_grid_daily_local
ENGINE = Distributed('{cluster}', '${db}', 'vehicle_grid_daily_local', cityHash64(day, grid_code, vehicle_id));

ALTER TABLE ${db}.vehicle_hourly_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS moving_minutes Float64 AFTER distance_km;
ALTER TABLE ${db}.vehicle_hourly ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS moving_minutes Float64 AFTER distance_km;

ALTER TABLE ${db}.vehicle_hourly_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS stationary_minutes Float64 AFTER moving_minutes;
ALTER TABLE ${db}.vehicle_hourly ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS stationary_minutes Float64 AFTER moving_minutes;
