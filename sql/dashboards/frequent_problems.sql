-- title: 高发问题与顽疾 (frequent problems: the same category in the same grid month after month)
-- question: Which (grid, category) pairs had at least `min_reports` cases in every one of the
--   `months` months ending with `month`? These are the 顽疾 a bulletin names for lasting fixes.
-- @param month Date: the last month of the run (any day in it)
-- @param months UInt32: how many consecutive months (including `month`)
-- @param min_reports UInt32: the least cases per month that counts as recurring
-- source: case_indicators (V008: one row per case reported by the as-of time, at the month,
--   grid and category of its earliest REPORTED; the view grid_monthly counts) aggregated straight to
--   the level asked for (grid_monthly has a row per month, grid and category, nearly one per case),
--   for the months of the run only; grids and categories reference tables.
-- example (2026-10, months 3, min_reports 3):
--   grid_code       grid_name         category_code  category  months_hit  total  this_month
--   61080200100106  古城社区第06网格  0101           暴露垃圾  3           61     24
SELECT
    gm.grid_code                                      AS grid_code,
    any(g.name)                                       AS grid_name,
    any(g.street)                                     AS street,
    gm.category_code                                  AS category_code,
    any(c.name)                                       AS category,
    countIf(gm.reported >= {min_reports:UInt32})      AS months_hit,
    sum(gm.reported)                                  AS total,
    sumIf(gm.reported, gm.month = toStartOfMonth({month:Date})) AS this_month
FROM
(
    SELECT month, grid_code, category_code, count() AS reported
    FROM case_indicators
    WHERE month BETWEEN addMonths(toStartOfMonth({month:Date}), 1 - toInt32({months:UInt32}))
                    AND toStartOfMonth({month:Date})
      AND grid_code != ''
    GROUP BY month, grid_code, category_code
) AS gm
LEFT JOIN (SELECT code, name, street FROM grids FINAL) AS g ON g.code = gm.grid_code
LEFT JOIN (SELECT code, name FROM categories FINAL) AS c ON c.code = gm.category_code
GROUP BY gm.grid_code, gm.category_code
HAVING months_hit >= {months:UInt32}
ORDER BY total DESC, grid_code, category_code
LIMIT 100
