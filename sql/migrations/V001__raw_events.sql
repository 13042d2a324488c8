-- Raw enriched events, one table per feed. Each row is one distinct valid event after
-- decoding, validation, deduplication and grid assignment. Coordinates are WGS84 (converted
-- from the feed's crs, which is kept in `crs`); grid_code is '' outside every grid.
-- ReplacingMergeTree on the event's identity: a replay or a restart that writes an event again
-- leaves one row (read with FINAL, as the views do, for exact counts before merges).
-- Times are DateTime64(3) displayed in Asia/Shanghai, the default calendar zone: months and
-- hours in views are reckoned there.

CREATE TABLE IF NOT EXISTS ${db}.case_events
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
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (type, case_id, event_id);

CREATE TABLE IF NOT EXISTS ${db}.vehicle_positions
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
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (vehicle_id, time);

CREATE TABLE IF NOT EXISTS ${db}.sensor_readings
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
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (sensor_id, type, time);
