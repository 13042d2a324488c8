-- Hourly windowed metrics computed by the Flink jobs (tumbling event-time windows of one hour
-- in the calendar zone). A window that fires again (late events within the allowed lateness)
-- writes its whole new value with a larger `version`, replacing the earlier row.

CREATE TABLE IF NOT EXISTS ${db}.case_hourly
(
    hour          DateTime('Asia/Shanghai'),
    grid_code     LowCardinality(String),
    category_code LowCardinality(String),
    source        LowCardinality(String),
    reports       UInt64,
    version       UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, grid_code, category_code, source);

CREATE TABLE IF NOT EXISTS ${db}.vehicle_hourly
(
    hour         DateTime('Asia/Shanghai'),
    vehicle_id   String,
    vehicle_type LowCardinality(String),
    positions    UInt64,
    distance_km  Float64,
    version      UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, vehicle_id);

CREATE TABLE IF NOT EXISTS ${db}.sensor_hourly
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
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, sensor_id, type);
