-- title: 区域热点网格 (hotspot grids)
-- question: The grids with the most cases in the month, with their place, their commonest
--   category and their count the month before.
-- @param month Date: the month (any day in it)
-- @param limit UInt32: how many grids
-- source: case_indicators (V008: one row per case reported by the as-of time, at the month,
--   grid and category of its earliest REPORTED; the view grid_monthly counts) aggregated straight to
--   the level asked for (grid_monthly has a row per month, grid and category, nearly one per case),
--   for the two months only; grids and categories reference tables.
-- example (2026-10, limit 2):
--   grid_code       grid_name         community  street    district  reported  previous  top_category  top_category_reported
--   61080200100106  古城社区第06网格  古城社区   古城街道  城中区    512       431       暴露垃圾      140
SELECT
    gm.grid_code                                        AS grid_code,
    any(g.name)                                         AS grid_name,
    any(g.community)                                    AS community,
    any(g.street)                                       AS street,
    any(g.district)                                     AS district,
    sumIf(gm.reported, gm.month = toStartOfMonth({month:Date}))                      AS reported,
    sumIf(gm.reported, gm.month = addMonths(toStartOfMonth({month:Date}), -1))       AS previous,
    argMaxIf(c.name, gm.reported, gm.month = toStartOfMonth({month:Date}))           AS top_category,
    maxIf(gm.reported, gm.month = toStartOfMonth({month:Date}))                      AS top_category_reported
FROM
(
    SELECT month, grid_code, category_code, count() AS reported
    FROM case_indicators
    WHERE month IN (toStartOfMonth({month:Date}), addMonths(toStartOfMonth({month:Date}), -1))
      AND grid_code != ''
    GROUP BY month, grid_code, category_code
) AS gm
LEFT JOIN (SELECT code, name, community, street, district FROM grids FINAL) AS g ON g.code = gm.grid_code
LEFT JOIN (SELECT code, name FROM categories FINAL) AS c ON c.code = gm.category_code
GROUP BY gm.grid_code
HAVING reported > 0
ORDER BY reported DESC, grid_code
LIMIT {limit:UInt32}
