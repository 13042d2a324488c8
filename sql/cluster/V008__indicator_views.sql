-- Generated from sql/migrations/V008__indicator_views.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE OR REPLACE VIEW ${db}.cases_as_of ON CLUSTER '{cluster}' AS
SELECT (SELECT max(as_of) FROM ${db}.as_of_time WHERE scope = 'cases') AS as_of;

CREATE OR REPLACE VIEW ${db}.dispatch_indicators ON CLUSTER '{cluster}' AS
SELECT
    d.dispatch_id                                                   AS dispatch_id,
    d.case_id                                                       AS case_id,
    toDate(toStartOfMonth(d.start))                                 AS month,
    d.department                                                    AS department,
    d.source                                                        AS source,
    d.category_code                                                 AS category_code,
    d.grid_code                                                     AS grid_code,
    d.community                                                     AS community,
    d.street                                                        AS street,
    d.district                                                      AS district,
    CAST(d.end_reason AS String) = 'RETURNED'                       AS is_returned,
    NOT (d.end_time IS NOT NULL AND d.first_disposed_at IS NULL) AND d.suspended = 0 AS is_due,
    is_due AND d.disposed = 1                                       AS is_disposed,
    is_disposed AND ifNull(d.on_time, 2) = 1                        AS is_on_time,
    is_disposed AND ifNull(d.on_time, 2) = 0                        AS is_late,
    is_due AND d.disposed = 0 AND d.end_time IS NULL
        AND ifNull(d.deadline < (SELECT as_of FROM ${db}.cases_as_of), 0)                         AS is_overdue,
    is_due AND d.rework_count > 0                                   AS is_reworked,
    is_due AND d.postpone_count > 0                                 AS is_postponed
FROM ${db}.dispatch_facts AS d FINAL
WHERE (SELECT as_of FROM ${db}.cases_as_of) IS NULL OR d.start <= (SELECT as_of FROM ${db}.cases_as_of);

CREATE OR REPLACE VIEW ${db}.dept_monthly ON CLUSTER '{cluster}' AS
SELECT
    month,
    department,
    count()                 AS dispatched,
    countIf(is_returned)    AS returned,
    countIf(is_due)         AS due,
    countIf(is_disposed)    AS disposed,
    countIf(is_on_time)     AS disposed_on_time,
    countIf(is_late)        AS disposed_late,
    countIf(is_overdue)     AS overdue_open,
    countIf(is_reworked)    AS reworked,
    countIf(is_postponed)   AS postponed,
    CAST(if(due = 0, NULL, disposed / due) AS Nullable(Float64))                AS disposal_rate,
    CAST(if(due = 0, NULL, disposed_on_time / due) AS Nullable(Float64))        AS on_time_rate,
    CAST(if(disposed = 0, NULL, reworked / disposed) AS Nullable(Float64))      AS rework_rate,
    CAST(if(dispatched = 0, NULL, returned / dispatched) AS Nullable(Float64))  AS return_rate,
    CAST(if(due = 0, NULL, postponed / due) AS Nullable(Float64))               AS postpone_rate,
    CAST(if(due = 0, NULL, overdue_open / due) AS Nullable(Float64))            AS overdue_rate
FROM ${db}.dispatch_indicators
GROUP BY month, department;

CREATE OR REPLACE VIEW ${db}.case_indicators ON CLUSTER '{cluster}' AS
SELECT
    c.case_id                                               AS case_id,
    toDate(toStartOfMonth(assumeNotNull(c.reported_at)))    AS month,
    c.reported_at                                           AS reported_at,
    c.source                                                AS source,
    c.category_code                                         AS category_code,
    c.grid_code                                             AS grid_code,
    c.community                                             AS community,
    c.street                                                AS street,
    c.district                                              AS district,
    c.inspector_id                                          AS inspector_id,
    c.registered_at IS NOT NULL                             AS is_registered,
    c.cancelled_at IS NOT NULL                              AS is_cancelled,
    is_registered AND c.closed_at IS NOT NULL               AS is_closed
FROM ${db}.case_facts AS c FINAL
WHERE c.reported_at IS NOT NULL
  AND ((SELECT as_of FROM ${db}.cases_as_of) IS NULL OR c.reported_at <= (SELECT as_of FROM ${db}.cases_as_of));

CREATE OR REPLACE VIEW ${db}.centre_monthly ON CLUSTER '{cluster}' AS
SELECT
    month,
    count()                 AS reported,
    countIf(is_registered)  AS registered,
    countIf(is_cancelled)   AS cancelled,
    countIf(is_closed)      AS closed,
    CAST(if(registered = 0, NULL, closed / registered) AS Nullable(Float64)) AS closure_rate
FROM ${db}.case_indicators
GROUP BY month;
