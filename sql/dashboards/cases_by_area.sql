-- title: 按区域统计案件 (cases by area: district, street, community, grid)
-- question: How many cases were reported in each area of one level over a run of months, and
--   how dense are they (cases per km2)? Drill down by naming the parent area: districts of the
--   city, streets of a district, communities of a street, grids of a community.
-- @param from Date: first month of the period (any day in it)
-- @param to Date: last month of the period (any day in it)
-- @param level String [district|street|community|grid]: the area level to group by
-- @param parent String: the area one level up to stay within ('' for the whole city)
-- source: case_indicators (V008: one row per case reported by the as-of time, at the month,
--   grid and category of its earliest REPORTED; the view grid_monthly counts) aggregated straight to
--   the level asked for (grid_monthly has a row per month, grid and category, nearly one per case),
--   joined to the grids reference table for names and areas. Cases outside
--   every grid (grid_code '') are listed as area ''.
-- example (level=street, parent=城中区, 2026-10):
--   area      parent  grids  area_km2  reported  per_km2
--   古城街道  城中区  12     1.84      1523      827.72
--   新华街道  城中区  9      1.31      977       745.80
SELECT
    multiIf({level:String} = 'district', g.district,
            {level:String} = 'street', g.street,
            {level:String} = 'community', g.community,
            gm.grid_code)                                    AS area,
    any(multiIf({level:String} = 'district', '',
                {level:String} = 'street', g.district,
                {level:String} = 'community', g.street,
                g.community))                                AS parent,
    any(if({level:String} = 'grid', g.name, area))           AS area_name,
    uniqExact(gm.grid_code)                                  AS grids,
    round(sum(g.area_m2) / 1e6, 2)                           AS area_km2,
    sum(gm.reported)                                         AS reported,
    round(if(area_km2 > 0, reported / area_km2, 0), 2)       AS per_km2
FROM
(
    SELECT grid_code, count() AS reported
    FROM case_indicators
    WHERE month BETWEEN toStartOfMonth({from:Date}) AND toStartOfMonth({to:Date})
    GROUP BY grid_code
) AS gm
LEFT JOIN (SELECT code, name, community, street, district, area_m2 FROM grids FINAL) AS g
    ON g.code = gm.grid_code
WHERE ({parent:String} = ''
       OR multiIf({level:String} = 'district', '',
                  {level:String} = 'street', g.district,
                  {level:String} = 'community', g.street,
                  g.community) = {parent:String})
GROUP BY area
ORDER BY reported DESC, area
