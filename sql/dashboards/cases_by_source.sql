-- title: 按来源统计案件 (cases by source)
-- question: Where did the cases come from (inspectors, the 12345 and 12319 hotlines, video AI,
--   the public app, drones, sensors) over a run of months, against the same span one month before?
-- @param from Date: first month of the period
-- @param to Date: last month of the period
-- source: source_monthly (contract view).
-- example (2026-10):
--   source        reported  previous
--   INSPECTOR     7702      7390
--   HOTLINE_12345 2011      2203
SELECT
    s.source AS source,
    sumIf(s.reported, s.month BETWEEN toStartOfMonth({from:Date}) AND toStartOfMonth({to:Date})) AS this_period,
    sumIf(s.reported, s.month BETWEEN addMonths(toStartOfMonth({from:Date}), -1)
                                  AND addMonths(toStartOfMonth({to:Date}), -1))             AS previous,
    this_period AS reported
FROM source_monthly AS s
WHERE s.month BETWEEN addMonths(toStartOfMonth({from:Date}), -1) AND toStartOfMonth({to:Date})
GROUP BY s.source
ORDER BY reported DESC, source
