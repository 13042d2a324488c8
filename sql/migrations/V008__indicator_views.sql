-- The contract's department and centre views (contracts.md section 3), over the case and
-- dispatch facts (V007, read with FINAL) and the recorded as-of time (V004, scope 'cases').
-- Views never read now(): overdue is judged at the as-of time; facts that start after it are left
-- out (a live job's facts may run slightly ahead of its recorded progress). With no as-of time
-- recorded yet nothing is left out and nothing is overdue.
-- Months are those of the Asia/Shanghai columns (the default calendar zone). The base views read
-- the as-of time as a scalar subquery (computed once per query): a CROSS JOIN with cases_as_of
-- cost two thirds of every department query.

-- The as-of time of the case feed, NULL when none is recorded.
CREATE OR REPLACE VIEW ${db}.cases_as_of AS
SELECT (SELECT max(as_of) FROM ${db}.as_of_time WHERE scope = 'cases') AS as_of;

-- One row per dispatch with the contract's flags (Dispatch.due(), overdueAt(asOf), ...), the base
-- of dept_monthly and of the rollups (V009). `is_due`: not ended before any disposal (returned,
-- redispatched, closed or cancelled first) and not suspended at the as-of time; the other counts
-- are taken among the due ones, `is_returned` among all. A disposal whose deadline is unknown
-- counts as disposed but neither on time nor late.
CREATE OR REPLACE VIEW ${db}.dispatch_indicators AS
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

CREATE OR REPLACE VIEW ${db}.dept_monthly AS
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

-- One row per reported case: its earliest REPORTED (time <= the as-of time) gives the month and
-- place; a case with no REPORTED yet has no month and is left out. `is_closed` counts registered
-- cases only (contracts.md); closed and cancelled mean "has such an event by the as-of time"
-- (case_facts keeps the first).
CREATE OR REPLACE VIEW ${db}.case_indicators AS
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

CREATE OR REPLACE VIEW ${db}.centre_monthly AS
SELECT
    month,
    count()                 AS reported,
    countIf(is_registered)  AS registered,
    countIf(is_cancelled)   AS cancelled,
    countIf(is_closed)      AS closed,
    CAST(if(registered = 0, NULL, closed / registered) AS Nullable(Float64)) AS closure_rate
FROM ${db}.case_indicators
GROUP BY month;
