-- Generated from sql/migrations/V014__monthly_counts_on_facts.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE OR REPLACE VIEW ${db}.source_monthly ON CLUSTER '{cluster}' AS
SELECT
    month,
    source,
    count() AS reported
FROM ${db}.case_indicators
GROUP BY month, source;

CREATE OR REPLACE VIEW ${db}.grid_monthly ON CLUSTER '{cluster}' AS
SELECT
    month,
    grid_code,
    category_code,
    count() AS reported
FROM ${db}.case_indicators
GROUP BY month, grid_code, category_code;
