-- Generated from sql/migrations/V006__reference.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.grids_local ON CLUSTER '{cluster}'
(
    code      String,
    name      String,
    community String,
    street    String,
    district  String,
    area_m2   Float64,
    loaded_at DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/grids_local', '{replica}', loaded_at)
ORDER BY code;
CREATE TABLE IF NOT EXISTS ${db}.grids ON CLUSTER '{cluster}' AS ${db}.grids_local
ENGINE = Distributed('{cluster}', '${db}', 'grids_local', cityHash64(code));

CREATE TABLE IF NOT EXISTS ${db}.categories_local ON CLUSTER '{cluster}'
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
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/categories_local', '{replica}', loaded_at)
ORDER BY code;
CREATE TABLE IF NOT EXISTS ${db}.categories ON CLUSTER '{cluster}' AS ${db}.categories_local
ENGINE = Distributed('{cluster}', '${db}', 'categories_local', cityHash64(code));
