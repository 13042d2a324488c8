-- The contract's report-count views (V005: source_monthly, grid_monthly) read again from the case
-- facts (V007) through case_indicators (V008) instead of from case_events through case_reports.
-- Same columns, same meaning: a case counts once, in the month of its earliest REPORTED (ties in
-- time broken by eventId, as the workflow job's ReportLocation keeps it), at that report's grid
-- and category, when that report is at or before the recorded as-of time. case_reports scanned
-- every event with FINAL on each query (about 1.1 M events a year in a Yulin-sized city, 0.5-2.8 s
-- per dashboard query); case_facts holds one row per case (issue #7, docs/reporting.md).
-- case_reports itself stays, unchanged, for whoever reads event-level report details.
--
-- The two base views of V008, dispatch_indicators and case_indicators, again with the same text
-- except one thing: the as-of time is read as a scalar subquery (computed once per query) instead
-- of a CROSS JOIN with the one-row view cases_as_of. Same columns, same rows; the join cost about
-- two thirds of every department query (dept_monthly over a year of a Yulin-sized city: 75 ms of
-- server CPU through the join, 26 ms with the scalar). Whoever changes these views in V008 should
-- change them here too (or drop them from here), since this file is applied after V008.

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

CREATE OR REPLACE VIEW ${db}.source_monthly AS
SELECT
    month,
    source,
    count() AS reported
FROM ${db}.case_indicators
GROUP BY month, source;

CREATE OR REPLACE VIEW ${db}.grid_monthly AS
SELECT
    month,
    grid_code,
    category_code,
    count() AS reported
FROM ${db}.case_indicators
GROUP BY month, grid_code, category_code;
