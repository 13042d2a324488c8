-- Generated from sql/migrations/V007__case_facts.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.case_facts_local ON CLUSTER '{cluster}'
(
    case_id             String,
    version             UInt64,
    reported_at         Nullable(DateTime64(3, 'Asia/Shanghai')),
    source              LowCardinality(String),
    category_code       LowCardinality(String),
    lon                 Nullable(Float64),
    lat                 Nullable(Float64),
    grid_code           LowCardinality(String),
    community           LowCardinality(String),
    street              LowCardinality(String),
    district            LowCardinality(String),
    inspector_id        String,
    verified_at         Nullable(DateTime64(3, 'Asia/Shanghai')),
    registered_at       Nullable(DateTime64(3, 'Asia/Shanghai')),
    first_dispatched_at Nullable(DateTime64(3, 'Asia/Shanghai')),
    checked_at          Nullable(DateTime64(3, 'Asia/Shanghai')),
    closed_at           Nullable(DateTime64(3, 'Asia/Shanghai')),
    cancelled_at        Nullable(DateTime64(3, 'Asia/Shanghai')),
    suspended           UInt8,
    status              LowCardinality(String),
    dispatch_count      UInt16,
    return_count        UInt16,
    supervised_count    UInt16,
    last_event_time     Nullable(DateTime64(3, 'Asia/Shanghai'))
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/case_facts_local', '{replica}', version)
ORDER BY case_id;
CREATE TABLE IF NOT EXISTS ${db}.case_facts ON CLUSTER '{cluster}' AS ${db}.case_facts_local
ENGINE = Distributed('{cluster}', '${db}', 'case_facts_local', cityHash64(case_id));

CREATE TABLE IF NOT EXISTS ${db}.dispatch_facts_local ON CLUSTER '{cluster}'
(
    dispatch_id          String,
    case_id              String,
    version              UInt64,
    department           LowCardinality(String),
    start                DateTime64(3, 'Asia/Shanghai'),
    end_time             Nullable(DateTime64(3, 'Asia/Shanghai')),
    end_reason           LowCardinality(String),
    deadline             Nullable(DateTime64(3, 'Asia/Shanghai')),
    initial_deadline     Nullable(DateTime64(3, 'Asia/Shanghai')),
    deadline_source      LowCardinality(String),
    rework_count         UInt16,
    postpone_count       UInt16,
    disposed             UInt8,
    disposed_at          Nullable(DateTime64(3, 'Asia/Shanghai')),
    first_disposed_at    Nullable(DateTime64(3, 'Asia/Shanghai')),
    deadline_at_disposal Nullable(DateTime64(3, 'Asia/Shanghai')),
    on_time              Nullable(UInt8),
    suspended            UInt8,
    suspended_since      Nullable(DateTime64(3, 'Asia/Shanghai')),
    total_suspended_ms   Int64,
    source               LowCardinality(String),
    category_code        LowCardinality(String),
    grid_code            LowCardinality(String),
    community            LowCardinality(String),
    street               LowCardinality(String),
    district             LowCardinality(String)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/dispatch_facts_local', '{replica}', version)
ORDER BY dispatch_id;
CREATE TABLE IF NOT EXISTS ${db}.dispatch_facts ON CLUSTER '{cluster}' AS ${db}.dispatch_facts_local
ENGINE = Distributed('{cluster}', '${db}', 'dispatch_facts_local', cityHash64(dispatch_id));
