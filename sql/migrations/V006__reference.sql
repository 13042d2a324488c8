-- Reference data as the last run loaded it, so that dashboards and the bulletin can name grids
-- and categories. Written by `process` (and by a live deployment's loader) from the reference
-- files; keyed by code, a newer load replaces an older one.

CREATE TABLE IF NOT EXISTS ${db}.grids
(
    code      String,
    name      String,
    community String,
    street    String,
    district  String,
    area_m2   Float64,
    loaded_at DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY code;

CREATE TABLE IF NOT EXISTS ${db}.categories
(
    code       String,
    kind       LowCardinality(String),
    major      String,
    minor      String,
    name       String,
    time_limit String,
    department String,
    loaded_at  DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY code;
