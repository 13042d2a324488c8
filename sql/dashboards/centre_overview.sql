-- title: 指挥中心月度概况 (the centre's month against the previous month)
-- question: How many cases were reported, registered (立案), cancelled and closed (结案) in the
--   month, and in the month before, for the month-on-month comparison of the bulletin?
-- @param month Date: the month (any day in it)
-- source: centre_monthly (contract view); closure rate = closed / registered, computed by Rates.
-- example (2026-10):
--   month       reported  registered  cancelled  closed
--   2026-10-01  11870     10240       1630       9980
--   2026-09-01  11302     9811        1491       9620
SELECT month, reported, registered, cancelled, closed
FROM centre_monthly
WHERE month IN (toStartOfMonth({month:Date}), addMonths(toStartOfMonth({month:Date}), -1))
ORDER BY month DESC
