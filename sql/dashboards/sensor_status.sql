-- title: 传感器运行概况 (sensor status by type)
-- question: Per sensor type over a period of days: how many sensors reported, how many readings,
--   the highest value seen, and how many sensors were silent on the period's last day.
-- @param from Date: first day
-- @param to Date: last day (inclusive)
-- source: sensor_hourly (hourly metrics of the sensor job).
-- example (2026-10):
--   type          sensors  readings  max_value  silent_last_day
--   BIN_FILL      220      633600    100        3
--   MANHOLE_TILT  120      172800    18.5       0
SELECT
    type,
    uniqExact(sensor_id)                                   AS sensors,
    sum(readings)                                          AS readings,
    round(max(max), 2)                                     AS max_value,
    sensors - uniqExactIf(sensor_id, toDate(hour) = {to:Date}) AS silent_last_day
FROM sensor_hourly FINAL
WHERE hour >= toDateTime({from:Date}, 'Asia/Shanghai')
  AND hour < toDateTime({to:Date} + 1, 'Asia/Shanghai')
GROUP BY type
ORDER BY type
