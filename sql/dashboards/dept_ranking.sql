-- title: 部门综合考评排名 (department ranking by composite score)
-- question: The month's ranking of departments by composite score (综合指标值, 0-100) with its
--   grade (A>=90, B>=75, C>=60, D>=40, E); departments with too few cases to rank fairly are
--   listed apart with the reason, after the ranked ones. Counts from dept_monthly come along.
-- @param month Date: the month (any day in it)
-- source: dept_scores and dept_monthly (contract views), departments reference table.
-- example (2026-10):
--   rank  department  name    score  grade  ranked  listed_apart_reason  dispatched  due  disposed  disposed_on_time
--   1     D03         市政处  96.41  A      1                            812         800  797       781
--   0     D09         园林处  100    A      0       少于30件             7           7    7         7
SELECT
    if(s.ranked, row_number() OVER (PARTITION BY s.ranked ORDER BY s.score DESC, s.department), 0) AS rank,
    s.department                 AS department,
    n.name                       AS name,
    round(s.score, 2)            AS score,
    s.grade                      AS grade,
    s.ranked                     AS ranked,
    s.listed_apart_reason        AS listed_apart_reason,
    d.dispatched                 AS dispatched,
    d.returned                   AS returned,
    d.due                        AS due,
    d.disposed                   AS disposed,
    d.disposed_on_time           AS disposed_on_time,
    d.disposed_late              AS disposed_late,
    d.overdue_open               AS overdue_open,
    d.reworked                   AS reworked,
    d.postponed                  AS postponed
FROM dept_scores AS s
LEFT JOIN (SELECT * FROM dept_monthly WHERE month = toStartOfMonth({month:Date})) AS d
    ON d.department = s.department
LEFT JOIN (SELECT code, name FROM departments FINAL) AS n ON n.code = s.department
WHERE s.month = toStartOfMonth({month:Date})
ORDER BY s.ranked DESC, rank, s.department
