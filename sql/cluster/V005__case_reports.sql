-- Generated from sql/migrations/V005__case_reports.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE OR REPLACE VIEW ${db}.case_reports ON CLUSTER '{cluster}' AS
SELECT
    e.case_id AS case_id,
    min(e.time)                                        AS reported_at,
    argMin(e.event_id, (e.time, e.event_id))           AS report_event_id,
    argMin(e.source, (e.time, e.event_id))             AS source,
    argMin(e.category_code, (e.time, e.event_id))      AS category_code,
    argMin(e.grid_code, (e.time, e.event_id))          AS grid_code,
    argMin(e.community, (e.time, e.event_id))          AS community,
    argMin(e.street, (e.time, e.event_id))             AS street,
    argMin(e.district, (e.time, e.event_id))           AS district,
    argMin(e.lon, (e.time, e.event_id))                AS lon,
    argMin(e.lat, (e.time, e.event_id))                AS lat
FROM ${db}.case_events AS e FINAL
WHERE e.type = 'REPORTED'
  AND e.time <= ifNull((SELECT max(as_of) FROM ${db}.as_of_time WHERE scope = 'cases'),
                     toDateTime64('2200-01-01 00:00:00', 3, 'Asia/Shanghai'))
GROUP BY e.case_id;

CREATE OR REPLACE VIEW ${db}.source_monthly ON CLUSTER '{cluster}' AS
SELECT
    toDate(toStartOfMonth(reported_at)) AS month,
    source,
    count()                             AS reported
FROM ${db}.case_reports
GROUP BY month, source;

CREATE OR REPLACE VIEW ${db}.grid_monthly ON CLUSTER '{cluster}' AS
SELECT
    toDate(toStartOfMonth(reported_at)) AS month,
    grid_code,
    category_code,
    count()                             AS reported
FROM ${db}.case_reports
GROUP BY month, grid_code, category_code;
