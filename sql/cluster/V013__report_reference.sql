-- Generated from sql/migrations/V013__report_reference.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

ALTER TABLE ${db}.grids_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS geometry String DEFAULT '';
ALTER TABLE ${db}.grids ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS geometry String DEFAULT '';

CREATE TABLE IF NOT EXISTS ${db}.departments_local ON CLUSTER '{cluster}'
(
    code      String,
    name      String,
    parent    String,
    loaded_at DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/departments_local', '{replica}', loaded_at)
ORDER BY code;
CREATE TABLE IF NOT EXISTS ${db}.departments ON CLUSTER '{cluster}' AS ${db}.departments_local
ENGINE = Distributed('{cluster}', '${db}', 'departments_local', cityHash64(code));
