-- Case and dispatch facts (事实表): the current state of every case and every dispatch, as the
-- case workflow job replays it from the case's events (CaseStateMachine). One current row per
-- case and per dispatch: a later state replaces an earlier one (ReplacingMergeTree(version));
-- read with FINAL. `version` is the number of distinct events the state was replayed from
-- (the timeline only grows), so a replay or a restart that writes a state again never
-- outranks a later state, and equal versions carry equal rows.
-- Facts carry their timestamps; the views judge overdue and suspended against the as-of time
-- (as_of_time view), never against now(). Location columns are those of the case's earliest
-- REPORTED, after conversion to WGS84 and grid assignment ('' when outside every grid or not
-- yet reported).

CREATE TABLE IF NOT EXISTS ${db}.case_facts
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
ENGINE = ReplacingMergeTree(version)
ORDER BY case_id;

CREATE TABLE IF NOT EXISTS ${db}.dispatch_facts
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
ENGINE = ReplacingMergeTree(version)
ORDER BY dispatch_id;
