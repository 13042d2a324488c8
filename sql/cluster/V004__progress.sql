-- Generated from sql/migrations/V004__progress.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.progress_local ON CLUSTER '{cluster}'
(
    scope       LowCardinality(String),
    as_of       DateTime64(3, 'Asia/Shanghai'),
    recorded_at DateTime64(3, 'Asia/Shanghai'),
    run_id      String
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/progress_local', '{replica}', recorded_at)
ORDER BY scope;
CREATE TABLE IF NOT EXISTS ${db}.progress ON CLUSTER '{cluster}' AS ${db}.progress_local
ENGINE = Distributed('{cluster}', '${db}', 'progress_local', cityHash64(scope));

CREATE OR REPLACE VIEW ${db}.as_of_time ON CLUSTER '{cluster}' AS
SELECT
    scope,
    argMax(p.as_of, p.recorded_at) AS as_of,
    max(p.recorded_at)             AS last_recorded_at
FROM ${db}.progress AS p
GROUP BY scope;
