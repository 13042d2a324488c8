-- The time the results stand at (contracts.md section 3: views never depend on now()).
-- `process` records its as-of time per feed when it finishes; a live job records its
-- event-time progress. The views read the latest recorded as-of time of the case feed.

CREATE TABLE IF NOT EXISTS ${db}.progress
(
    scope       LowCardinality(String),
    as_of       DateTime64(3, 'Asia/Shanghai'),
    recorded_at DateTime64(3, 'Asia/Shanghai'),
    run_id      String
)
ENGINE = ReplacingMergeTree(recorded_at)
ORDER BY scope;

CREATE OR REPLACE VIEW ${db}.as_of_time AS
SELECT
    scope,
    argMax(p.as_of, p.recorded_at) AS as_of,
    max(p.recorded_at)             AS last_recorded_at
FROM ${db}.progress AS p
GROUP BY scope;
