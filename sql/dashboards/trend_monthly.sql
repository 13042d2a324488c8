-- title: 案件月度趋势（环比、同比）(monthly trend, month on month and year on year)
-- question: Cases reported in each month of a period, with the month before (环比) and the same
--   month a year before (同比) for the changes.
-- @param from Date: first month shown
-- @param to Date: last month shown
-- source: source_monthly (contract view), summed over sources.
-- example (2026-08 .. 2026-10):
--   month       reported  previous_month  previous_year
--   2026-08-01  10980     10512           9870
--   2026-09-01  11302     10980           10011
--   2026-10-01  11870     11302           10390
WITH totals AS
(
    SELECT month, sum(reported) AS reported
    FROM source_monthly
    WHERE month BETWEEN addMonths(toStartOfMonth({from:Date}), -12) AND toStartOfMonth({to:Date})
    GROUP BY month
)
SELECT
    m.month                                                         AS month,
    sumIf(t.reported, t.month = m.month)                            AS reported,
    sumIf(t.reported, t.month = addMonths(m.month, -1))             AS previous_month,
    sumIf(t.reported, t.month = addMonths(m.month, -12))            AS previous_year
FROM
(
    SELECT addMonths(toStartOfMonth({from:Date}), toInt32(number)) AS month
    FROM numbers(toUInt64(greatest(0, dateDiff('month', toStartOfMonth({from:Date}), toStartOfMonth({to:Date})) + 1)))
) AS m
CROSS JOIN totals AS t
GROUP BY m.month
ORDER BY m.month
