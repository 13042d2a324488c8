-- Generated from sql/migrations/V009__rollups_and_scores.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE TABLE IF NOT EXISTS ${db}.assessment_config_local ON CLUSTER '{cluster}'
(
    key    String,
    value  Float64,
    set_at DateTime64(3, 'Asia/Shanghai'),
    origin String
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/assessment_config_local', '{replica}', set_at)
ORDER BY key;
CREATE TABLE IF NOT EXISTS ${db}.assessment_config ON CLUSTER '{cluster}' AS ${db}.assessment_config_local
ENGINE = Distributed('{cluster}', '${db}', 'assessment_config_local', cityHash64(key));

INSERT INTO ${db}.assessment_config (key, value, set_at, origin)
SELECT key, value, toDateTime64(0, 3, 'Asia/Shanghai'), 'default'
FROM values('key String, value Float64',
    ('weight_disposal_rate', 30),
    ('weight_on_time_rate', 20),
    ('weight_rework_rate', 20),
    ('weight_overdue_rate', 20),
    ('weight_postpone_rate', 10),
    ('grade_a', 90),
    ('grade_b', 75),
    ('grade_c', 60),
    ('grade_d', 40),
    ('min_due', 10),
    ('verify_within_hours', 2),
    ('check_within_hours', 2));

CREATE OR REPLACE VIEW ${db}.assessment_settings ON CLUSTER '{cluster}' AS
SELECT
    argMaxIf(value, set_at, key = 'weight_disposal_rate') AS weight_disposal_rate,
    argMaxIf(value, set_at, key = 'weight_on_time_rate')  AS weight_on_time_rate,
    argMaxIf(value, set_at, key = 'weight_rework_rate')   AS weight_rework_rate,
    argMaxIf(value, set_at, key = 'weight_overdue_rate')  AS weight_overdue_rate,
    argMaxIf(value, set_at, key = 'weight_postpone_rate') AS weight_postpone_rate,
    argMaxIf(value, set_at, key = 'grade_a')              AS grade_a,
    argMaxIf(value, set_at, key = 'grade_b')              AS grade_b,
    argMaxIf(value, set_at, key = 'grade_c')              AS grade_c,
    argMaxIf(value, set_at, key = 'grade_d')              AS grade_d,
    argMaxIf(value, set_at, key = 'min_due')              AS min_due,
    argMaxIf(value, set_at, key = 'verify_within_hours')  AS verify_within_hours,
    argMaxIf(value, set_at, key = 'check_within_hours')   AS check_within_hours
FROM ${db}.assessment_config;

CREATE OR REPLACE VIEW ${db}.dept_scores ON CLUSTER '{cluster}' AS
SELECT
    month,
    department,
    due,
    disposal_rate,
    on_time_rate,
    rework_rate,
    overdue_rate,
    postpone_rate,
    score,
    grade,
    listed_apart,
    if(listed_apart = '',
       toNullable(toUInt64(rank() OVER (PARTITION BY month, listed_apart = '' ORDER BY score DESC))),
       NULL) AS rank
FROM
(
    SELECT
        m.month                 AS month,
        m.department            AS department,
        m.due                   AS due,
        m.disposal_rate         AS disposal_rate,
        m.on_time_rate          AS on_time_rate,
        m.rework_rate           AS rework_rate,
        m.overdue_rate          AS overdue_rate,
        m.postpone_rate         AS postpone_rate,
        s.weight_disposal_rate + s.weight_on_time_rate + s.weight_rework_rate
            + s.weight_overdue_rate + s.weight_postpone_rate AS weight_sum,
        CAST(if(weight_sum <= 0, NULL, round(100 * (
              s.weight_disposal_rate * m.disposal_rate
            + s.weight_on_time_rate * m.on_time_rate
            + s.weight_rework_rate * (1 - m.rework_rate)
            + s.weight_overdue_rate * (1 - m.overdue_rate)
            + s.weight_postpone_rate * (1 - m.postpone_rate)) / weight_sum, 6)) AS Nullable(Float64)) AS score,
        multiIf(score IS NULL, NULL,
                score >= s.grade_a, 'A',
                score >= s.grade_b, 'B',
                score >= s.grade_c, 'C',
                score >= s.grade_d, 'D',
                'E')            AS grade,
        multiIf(m.due < s.min_due, 'FEW_DUE',
                m.disposal_rate IS NULL OR m.on_time_rate IS NULL OR m.rework_rate IS NULL
                    OR m.overdue_rate IS NULL OR m.postpone_rate IS NULL, 'NULL_RATE',
                '')             AS listed_apart
    FROM ${db}.dept_monthly AS m
    CROSS JOIN ${db}.assessment_settings AS s
);

CREATE OR REPLACE VIEW ${db}.area_monthly ON CLUSTER '{cluster}' AS
SELECT
    month, level, area_district AS district, area_street AS street, area_community AS community,
    reported, registered, cancelled, closed,
    CAST(if(registered = 0, NULL, closed / registered) AS Nullable(Float64)) AS closure_rate,
    dispatched, returned, due, disposed, disposed_on_time, disposed_late, overdue_open, reworked, postponed,
    CAST(if(due = 0, NULL, disposed / due) AS Nullable(Float64))                AS disposal_rate,
    CAST(if(due = 0, NULL, disposed_on_time / due) AS Nullable(Float64))        AS on_time_rate,
    CAST(if(disposed = 0, NULL, reworked / disposed) AS Nullable(Float64))      AS rework_rate,
    CAST(if(dispatched = 0, NULL, returned / dispatched) AS Nullable(Float64))  AS return_rate,
    CAST(if(due = 0, NULL, postponed / due) AS Nullable(Float64))               AS postpone_rate,
    CAST(if(due = 0, NULL, overdue_open / due) AS Nullable(Float64))            AS overdue_rate
FROM
(
    SELECT
        month,
        arrayJoin([('district', CAST(district AS String), '', ''),
                   ('street', CAST(district AS String), CAST(street AS String), ''),
                   ('community', CAST(district AS String), CAST(street AS String), CAST(community AS String))]) AS lv,
        lv.1 AS level, lv.2 AS area_district, lv.3 AS area_street, lv.4 AS area_community,
        count()                AS reported,
        countIf(is_registered) AS registered,
        countIf(is_cancelled)  AS cancelled,
        countIf(is_closed)     AS closed
    FROM ${db}.case_indicators
    GROUP BY month, lv
) AS c
FULL OUTER JOIN
(
    SELECT
        month,
        arrayJoin([('district', CAST(district AS String), '', ''),
                   ('street', CAST(district AS String), CAST(street AS String), ''),
                   ('community', CAST(district AS String), CAST(street AS String), CAST(community AS String))]) AS lv,
        lv.1 AS level, lv.2 AS area_district, lv.3 AS area_street, lv.4 AS area_community,
        count()               AS dispatched,
        countIf(is_returned)  AS returned,
        countIf(is_due)       AS due,
        countIf(is_disposed)  AS disposed,
        countIf(is_on_time)   AS disposed_on_time,
        countIf(is_late)      AS disposed_late,
        countIf(is_overdue)   AS overdue_open,
        countIf(is_reworked)  AS reworked,
        countIf(is_postponed) AS postponed
    FROM ${db}.dispatch_indicators
    GROUP BY month, lv
) AS d
USING (month, level, area_district, area_street, area_community);

CREATE OR REPLACE VIEW ${db}.category_monthly ON CLUSTER '{cluster}' AS
SELECT
    month, category_code,
    ifNull(cat.kind, '')  AS kind,
    ifNull(cat.major, '') AS major,
    ifNull(cat.name, '')  AS name,
    reported, registered, cancelled, closed,
    CAST(if(registered = 0, NULL, closed / registered) AS Nullable(Float64)) AS closure_rate,
    dispatched, returned, due, disposed, disposed_on_time, disposed_late, overdue_open, reworked, postponed,
    CAST(if(due = 0, NULL, disposed / due) AS Nullable(Float64))                AS disposal_rate,
    CAST(if(due = 0, NULL, disposed_on_time / due) AS Nullable(Float64))        AS on_time_rate,
    CAST(if(disposed = 0, NULL, reworked / disposed) AS Nullable(Float64))      AS rework_rate,
    CAST(if(dispatched = 0, NULL, returned / dispatched) AS Nullable(Float64))  AS return_rate,
    CAST(if(due = 0, NULL, postponed / due) AS Nullable(Float64))               AS postpone_rate,
    CAST(if(due = 0, NULL, overdue_open / due) AS Nullable(Float64))            AS overdue_rate
FROM
(
    SELECT
        month, CAST(category_code AS String) AS category_code,
        count()                AS reported,
        countIf(is_registered) AS registered,
        countIf(is_cancelled)  AS cancelled,
        countIf(is_closed)     AS closed
    FROM ${db}.case_indicators
    GROUP BY month, category_code
) AS c
FULL OUTER JOIN
(
    SELECT
        month, CAST(category_code AS String) AS category_code,
        count()               AS dispatched,
        countIf(is_returned)  AS returned,
        countIf(is_due)       AS due,
        countIf(is_disposed)  AS disposed,
        countIf(is_on_time)   AS disposed_on_time,
        countIf(is_late)      AS disposed_late,
        countIf(is_overdue)   AS overdue_open,
        countIf(is_reworked)  AS reworked,
        countIf(is_postponed) AS postponed
    FROM ${db}.dispatch_indicators
    GROUP BY month, category_code
) AS d
USING (month, category_code)
LEFT JOIN
(
    SELECT code, argMax(kind, loaded_at) AS kind, argMax(major, loaded_at) AS major, argMax(name, loaded_at) AS name
    FROM ${db}.categories
    GROUP BY code
) AS cat ON cat.code = category_code
SETTINGS join_use_nulls = 0;

CREATE OR REPLACE VIEW ${db}.inspector_monthly ON CLUSTER '{cluster}' AS
WITH
    (SELECT verify_within_hours FROM ${db}.assessment_settings) AS verify_hours,
    (SELECT check_within_hours FROM ${db}.assessment_settings) AS check_hours,
    (SELECT ifNull(as_of, toDateTime64('2200-01-01 00:00:00', 3, 'Asia/Shanghai')) FROM ${db}.cases_as_of) AS as_of
SELECT
    month,
    inspector_id,
    sum(report)       AS reports,
    sum(verification) AS verifications,
    sum(verified_ok)  AS verified_on_time,
    sum(check)        AS checks,
    sum(checked_ok)   AS checked_on_time,
    CAST(if(verifications = 0, NULL, verified_on_time / verifications) AS Nullable(Float64)) AS verify_on_time_rate,
    CAST(if(checks = 0, NULL, checked_on_time / checks) AS Nullable(Float64))                AS check_on_time_rate
FROM
(
    SELECT month, inspector_id, 1 AS report, 0 AS verification, 0 AS verified_ok, 0 AS check, 0 AS checked_ok
    FROM ${db}.case_indicators
    WHERE inspector_id != ''

    UNION ALL

    SELECT
        toDate(toStartOfMonth(v.verified_at)) AS month,
        if(v.inspector != '', v.inspector, ifNull(r.inspector_id, '')) AS inspector_id,
        0, 1,
        toUInt8(r.reported_at IS NOT NULL
            AND dateDiff('millisecond', assumeNotNull(r.reported_at), v.verified_at) <= verify_hours * 3600000),
        0, 0
    FROM
    (
        SELECT case_id, min(time) AS verified_at, argMin(inspector_id, (time, event_id)) AS inspector
        FROM ${db}.case_events FINAL
        WHERE type = 'VERIFIED' AND time <= as_of
        GROUP BY case_id
    ) AS v
    LEFT JOIN ${db}.case_indicators AS r ON r.case_id = v.case_id
    SETTINGS join_use_nulls = 1

    UNION ALL

    SELECT
        toDate(toStartOfMonth(k.checked_at)) AS month,
        if(k.inspector != '', k.inspector, ifNull(r.inspector_id, '')) AS inspector_id,
        0, 0, 0, 1,
        toUInt8(p.disposed_at IS NOT NULL
            AND dateDiff('millisecond', assumeNotNull(p.disposed_at), k.checked_at) <= check_hours * 3600000)
    FROM
    (
        SELECT case_id, max(time) AS checked_at, argMax(inspector_id, (time, event_id)) AS inspector
        FROM ${db}.case_events FINAL
        WHERE type = 'CHECKED' AND time <= as_of
        GROUP BY case_id
    ) AS k
    LEFT JOIN ${db}.case_indicators AS r ON r.case_id = k.case_id
    LEFT JOIN
    (
        SELECT c.case_id AS case_id, c.checked_at AS checked_at, maxOrNull(d.disposed_at) AS disposed_at
        FROM
        (
            SELECT case_id, max(time) AS checked_at
            FROM ${db}.case_events FINAL
            WHERE type = 'CHECKED' AND time <= as_of
            GROUP BY case_id
        ) AS c
        INNER JOIN ${db}.dispatch_facts AS d FINAL ON d.case_id = c.case_id
        WHERE d.disposed_at IS NOT NULL AND d.disposed_at <= c.checked_at
        GROUP BY c.case_id, c.checked_at
    ) AS p ON p.case_id = k.case_id
    SETTINGS join_use_nulls = 1
)
WHERE inspector_id != ''
GROUP BY month, inspector_id;
