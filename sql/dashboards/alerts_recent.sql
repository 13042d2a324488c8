-- title: 最新告警 (latest alerts of chosen kinds)
-- question: The latest alerts up to the as-of time: overdue warnings, overdue, hotspots,
--   suspected duplicates, repeated rework or returns, supervision, vehicle and sensor alerts.
-- @param type String [ALL|OVERDUE_WARNING|OVERDUE|HOTSPOT|DUPLICATE_SUSPECTED|REWORK_REPEATED|RETURN_REPEATED|SUPERVISED|ZONE_VIOLATION|DUMPING_SUSPECTED|VEHICLE_SILENT|SENSOR_ALARM|SENSOR_SILENT]: one alert type, or ALL
-- @param limit UInt32: how many rows
-- source: alerts (contract table), one row per alert_id (FINAL keeps its latest state).
-- example (ALL, limit 2):
--   time                 type          severity  case_id     department  grid_code       vehicle_id  sensor_id  ended_at
--   2026-10-31 17:40:00  SENSOR_ALARM  HIGH                              61080200100106              S0042      \N
--   2026-10-31 17:15:00  OVERDUE                C2026-0998  D02         61080200200203
WITH (SELECT max(as_of) FROM as_of_time WHERE scope = 'cases') AS as_of
SELECT time, type, severity, case_id, department, grid_code, vehicle_id, sensor_id, ended_at, details
FROM alerts FINAL
WHERE time <= as_of AND ({type:String} = 'ALL' OR type = {type:String})
ORDER BY time DESC, alert_id
LIMIT {limit:UInt32}
