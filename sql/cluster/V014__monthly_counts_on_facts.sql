-- Generated from sql/migrations/V014__monthly_counts_on_facts.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

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
