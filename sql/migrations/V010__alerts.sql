-- Alerts (contracts.md section 3): one row per alert_id. alert_id is deterministic, so a
-- replay or a restart that emits an alert again leaves one row. An alert that lasts (sensor
-- episode, zone stay) is written again when it ends; `revision` orders its states, so the
-- latest state wins even when a replay writes an earlier state later in wall-clock time.
-- emitted_at is the wall-clock time of the job's emission; it is the only column a replay
-- may change.

CREATE TABLE IF NOT EXISTS ${db}.alerts
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
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(time)
ORDER BY (type, alert_id);
