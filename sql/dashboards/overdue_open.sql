-- title: 超期未处置案件清单 (overdue dispatches still open)
-- question: Which dispatches are past their deadline and still not disposed at the as-of time,
--   by department, longest overdue first? The bulletin prints this list; the dashboard shows it live.
-- @param department String: a department code, or '' for all
-- @param limit UInt32: how many rows
-- source: alerts (contract table; type OVERDUE names the dispatch and its deadline time) and
--   case_events for whether the dispatch is still open at the as-of time: it is still the case's
--   latest dispatch, its latest DISPOSED is not after its latest REWORK, it is not suspended,
--   and the case was neither closed, cancelled nor returned after it.
-- example:
--   case_id    dispatch_id  department  department_name  grid_code       category  overdue_since        overdue_hours
--   C2026-0412 e-88121      D04         城管执法局       61080200100106  占道经营  2026-10-20 18:00:00  258.0
WITH
    (SELECT max(as_of) FROM as_of_time WHERE scope = 'cases') AS as_of,
    overdue AS
    (
        SELECT alert_id, case_id, dispatch_id, department, grid_code, category_code, time
        FROM alerts FINAL
        WHERE type = 'OVERDUE' AND time <= as_of
          AND ({department:String} = '' OR department = {department:String})
    ),
    state AS
    (
        SELECT
            case_id,
            argMaxIf(event_id, (time, event_id), type = 'DISPATCHED')                      AS last_dispatch,
            maxIf(time, type = 'DISPATCHED')                                               AS dispatched_at,
            maxIf(time, type = 'DISPOSED')                                                 AS disposed_at,
            maxIf(time, type = 'REWORK')                                                   AS rework_at,
            maxIf(time, type IN ('CLOSED', 'CANCELLED', 'RETURNED'))                       AS ended_at,
            argMaxIf(type, (time, event_id), type IN ('SUSPENDED', 'RESUMED')) = 'SUSPENDED' AS suspended
        FROM case_events FINAL
        WHERE case_id IN (SELECT case_id FROM overdue) AND time <= as_of
        GROUP BY case_id
    )
SELECT
    o.case_id                                          AS case_id,
    o.dispatch_id                                      AS dispatch_id,
    o.department                                       AS department,
    n.name                                             AS department_name,
    o.grid_code                                        AS grid_code,
    g.name                                             AS grid_name,
    c.name                                             AS category,
    o.time                                             AS overdue_since,
    round(dateDiff('second', o.time, as_of) / 3600, 1) AS overdue_hours
FROM overdue AS o
INNER JOIN state AS s ON s.case_id = o.case_id
LEFT JOIN (SELECT code, name FROM departments FINAL) AS n ON n.code = o.department
LEFT JOIN (SELECT code, name FROM grids FINAL) AS g ON g.code = o.grid_code
LEFT JOIN (SELECT code, name FROM categories FINAL) AS c ON c.code = o.category_code
WHERE s.last_dispatch = o.dispatch_id
  AND NOT (s.disposed_at > s.dispatched_at AND s.disposed_at >= s.rework_at)
  AND NOT (s.ended_at >= s.dispatched_at)
  AND NOT s.suspended
ORDER BY o.time, o.case_id
LIMIT {limit:UInt32}
