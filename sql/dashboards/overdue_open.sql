-- title: 超期未处置案件清单 (overdue dispatches still open)
-- question: Which dispatches are past their deadline and still not disposed at the as-of time,
--   by department, longest overdue first? The bulletin prints this list; the dashboard shows it live.
-- @param department String: a department code, or '' for all
-- @param limit UInt32: how many rows
-- source: dispatch_facts (the workflow job's current state of every dispatch): overdue at the
--   as-of time T means not disposed, not ended, not suspended, and its current deadline < T
--   (contracts.md, Dispatches).
-- example:
--   case_id     dispatch_id  department  department_name  grid_name         category  deadline             overdue_hours
--   C2026-0412  e-88121      D04         城管执法局       古城社区第06网格  占道经营  2026-10-20 18:00:00  258.0
WITH (SELECT max(as_of) FROM as_of_time WHERE scope = 'cases') AS as_of
SELECT
    f.case_id                                              AS case_id,
    f.dispatch_id                                          AS dispatch_id,
    f.department                                           AS department,
    n.name                                                 AS department_name,
    f.grid_code                                            AS grid_code,
    g.name                                                 AS grid_name,
    c.name                                                 AS category,
    f.start                                                AS dispatched_at,
    f.deadline                                             AS deadline,
    round(dateDiff('second', f.deadline, as_of) / 3600, 1) AS overdue_hours
FROM (SELECT * FROM dispatch_facts FINAL) AS f
LEFT JOIN (SELECT code, name FROM departments FINAL) AS n ON n.code = f.department
LEFT JOIN (SELECT code, name FROM grids FINAL) AS g ON g.code = f.grid_code
LEFT JOIN (SELECT code, name FROM categories FINAL) AS c ON c.code = f.category_code
WHERE f.disposed = 0
  AND (f.end_time IS NULL OR f.end_time > as_of)
  AND f.suspended = 0
  AND f.deadline < as_of
  AND f.start <= as_of
  AND ({department:String} = '' OR f.department = {department:String})
ORDER BY f.deadline, f.dispatch_id
LIMIT {limit:UInt32}
