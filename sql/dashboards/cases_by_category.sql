-- title: 按类别统计案件 (cases by category)
-- question: Which categories (事件/部件, major and minor class) were reported how often over a
--   run of months, and what share of all cases is each?
-- @param from Date: first month of the period
-- @param to Date: last month of the period
-- @param limit UInt32: how many categories to list (the largest first)
-- source: case_indicators (V008: one row per case reported by the as-of time, at the month,
--   grid and category of its earliest REPORTED; the view grid_monthly counts) aggregated straight to
--   the level asked for (grid_monthly has a row per month, grid and category, nearly one per case),
--   joined to the categories reference table.
-- example (2026-10, limit 3):
--   category_code  name      kind   major     reported  share_pct
--   0101           暴露垃圾  EVENT  市容环境  2210      18.62
--   0204           道路破损  EVENT  设施管理  1187      10.00
--   0102           积存垃圾  EVENT  市容环境  965       8.13
SELECT
    gm.category_code                                          AS category_code,
    any(c.name)                                               AS name,
    any(c.kind)                                               AS kind,
    any(c.major)                                              AS major,
    sum(gm.reported)                                          AS reported,
    round(100 * reported / sum(reported) OVER (), 2)          AS share_pct
FROM
(
    SELECT category_code, count() AS reported
    FROM case_indicators
    WHERE month BETWEEN toStartOfMonth({from:Date}) AND toStartOfMonth({to:Date})
    GROUP BY category_code
) AS gm
LEFT JOIN (SELECT code, name, kind, major FROM categories FINAL) AS c ON c.code = gm.category_code
GROUP BY gm.category_code
ORDER BY reported DESC, category_code
LIMIT {limit:UInt32}
