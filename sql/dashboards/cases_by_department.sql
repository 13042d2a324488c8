-- title: 按部门统计处置 (dispatches by department)
-- question: For each responsible department, over a run of months: how many dispatches it got,
--   how many were due, disposed, on time, late, still open past their deadline, reworked,
--   returned and postponed. Rates are computed from these counts by the one rate function of
--   the reports (io.gridpulse.report.Rates: percent with two decimals, half-up).
-- @param from Date: first month of the period (dispatch start month)
-- @param to Date: last month of the period
-- source: dept_monthly (contract view) and the departments reference table.
-- example (2026-10):
--   department  name    dispatched  returned  due  disposed  disposed_on_time  disposed_late  overdue_open  reworked  postponed
--   D01         环卫处  1820        12        1790 1761      1702              59             11            23        8
SELECT
    d.department                     AS department,
    any(n.name)                      AS name,
    sum(d.dispatched)                AS dispatched,
    sum(d.returned)                  AS returned,
    sum(d.due)                       AS due,
    sum(d.disposed)                  AS disposed,
    sum(d.disposed_on_time)          AS disposed_on_time,
    sum(d.disposed_late)             AS disposed_late,
    sum(d.overdue_open)              AS overdue_open,
    sum(d.reworked)                  AS reworked,
    sum(d.postponed)                 AS postponed
FROM dept_monthly AS d
LEFT JOIN (SELECT code, name FROM departments FINAL) AS n ON n.code = d.department
WHERE d.month BETWEEN toStartOfMonth({from:Date}) AND toStartOfMonth({to:Date})
GROUP BY d.department
ORDER BY dispatched DESC, department
