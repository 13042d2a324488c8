-- title: 部门综合考评排名 (department ranking by composite score)
-- question: The month's ranking of departments by composite score (综合指标值, 0-100) with its
--   grade (bounds from assessment_config: A>=90, B>=75, C>=60, D>=40, E by default); departments
--   with fewer due dispatches than min_due, or with a rate that cannot be computed, are listed
--   apart with the reason after the ranked ones (dept_scores.listed_apart: FEW_DUE, NULL_RATE).
--   Equal scores share a rank (dept_scores.rank). Counts from dept_monthly come along.
-- @param month Date: the month (any day in it)
-- source: dept_scores and dept_monthly (contract views), departments reference table.
-- example (2026-10):
--   rank  department  name    score  grade  ranked  listed_apart_reason  dispatched  due  disposed  disposed_on_time
--   1     D03         市政处  96.41  A      1                            812         800  797       781
--   0     D09         园林处  100    A      0       应处置少于10件       7           7    7         7
SELECT
    ifNull(s.rank, 0)            AS rank,
    s.department                 AS department,
    n.name                       AS name,
    round(s.score, 2)            AS score,
    s.grade                      AS grade,
    toUInt8(s.rank IS NOT NULL)  AS ranked,
    s.listed_apart               AS listed_apart,
    multiIf(s.listed_apart = 'FEW_DUE', concat('应处置少于', toString(toUInt64(cfg.min_due)), '件'),
            s.listed_apart = 'NULL_RATE', '无应处置或无处置，比率无法计算',
            '')                  AS listed_apart_reason,
    d.dispatched                 AS dispatched,
    d.returned                   AS returned,
    d.due                        AS due,
    d.disposed                   AS disposed,
    d.disposed_on_time           AS disposed_on_time,
    d.disposed_late              AS disposed_late,
    d.overdue_open               AS overdue_open,
    d.reworked                   AS reworked,
    d.postponed                  AS postponed
FROM (SELECT * FROM dept_scores WHERE month = toStartOfMonth({month:Date})) AS s
LEFT JOIN (SELECT * FROM dept_monthly WHERE month = toStartOfMonth({month:Date})) AS d
    ON d.department = s.department
LEFT JOIN (SELECT code, name FROM departments FINAL) AS n ON n.code = s.department
CROSS JOIN (SELECT min_due FROM assessment_settings) AS cfg
ORDER BY ranked DESC, rank, s.department
