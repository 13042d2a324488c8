-- title: 车辆作业与覆盖缺口 (vehicle activity and coverage gaps)
-- question: For each vehicle over a period of days: hours with positions, kilometres driven,
--   and the days it sent nothing at all (a gap in coverage), the vehicles with most silent days first.
-- @param from Date: first day
-- @param to Date: last day (inclusive)
-- @param vehicle_type String [ALL|MUCK|SWEEPER|GARBAGE|SPRINKLER|PATROL|OTHER]: one type, or ALL
-- source: vehicle_hourly (hourly metrics of the vehicle job).
-- example (2026-10-01 .. 2026-10-31, SWEEPER):
--   vehicle_id  type_of_vehicle  active_hours  distance_km  active_days  silent_days
--   V0107       SWEEPER       212           1840.5       26          5
SELECT
    vehicle_id,
    any(v.vehicle_type)                                                 AS type_of_vehicle,
    countIf(positions > 0)                                              AS active_hours,
    round(sum(distance_km), 1)                                          AS distance_km,
    uniqExactIf(toDate(hour), positions > 0)                            AS active_days,
    dateDiff('day', {from:Date}, {to:Date}) + 1 - active_days           AS silent_days
FROM vehicle_hourly AS v FINAL
WHERE hour >= toDateTime({from:Date}, 'Asia/Shanghai')
  AND hour < toDateTime({to:Date} + 1, 'Asia/Shanghai')
  AND ({vehicle_type:String} = 'ALL' OR v.vehicle_type = {vehicle_type:String})
GROUP BY vehicle_id
ORDER BY silent_days DESC, active_hours, vehicle_id
