-- title: 传感器告警 (sensor alarms)
-- question: Sensor alarm episodes and silences over a period of days, per sensor, most first.
-- @param from Date: first day
-- @param to Date: last day (inclusive)
-- source: alerts (contract table; types SENSOR_ALARM and SENSOR_SILENT).
-- example (2026-10):
--   sensor_id  grid_code       alarms  silences  high  last_alarm           open_now
--   S0042      61080200100106  7       0         2     2026-10-31 17:40:00  1
WITH (SELECT max(as_of) FROM as_of_time WHERE scope = 'cases') AS as_of
SELECT
    sensor_id,
    any(grid_code)                                      AS grid_code,
    countIf(type = 'SENSOR_ALARM')                      AS alarms,
    countIf(type = 'SENSOR_SILENT')                     AS silences,
    countIf(type = 'SENSOR_ALARM' AND severity = 'HIGH') AS high,
    maxIf(time, type = 'SENSOR_ALARM')                  AS last_alarm,
    countIf(ended_at IS NULL OR ended_at > as_of)       AS open_now
FROM alerts FINAL
WHERE type IN ('SENSOR_ALARM', 'SENSOR_SILENT')
  AND time >= toDateTime({from:Date}, 'Asia/Shanghai')
  AND time < toDateTime({to:Date} + 1, 'Asia/Shanghai')
  AND time <= as_of
GROUP BY sensor_id
ORDER BY alarms DESC, silences DESC, sensor_id
LIMIT 200
