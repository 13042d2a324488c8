-- A year of a Yulin-sized city (domain.md: 157,154 cases a year, 647 unit grids, 392 muck
-- trucks), written straight into the tables with INSERT ... SELECT, for the dashboard query
-- benchmark. Deterministic (hashes of row numbers, no rand()). Year: 2025-11-01 .. 2026-10-31.
-- Cases: every case reported; 80% registered and dispatched (12% of those returned once and
-- dispatched again, 6% reworked), 96% of dispatches disposed, 90% of those on time; 20%
-- cancelled. Vehicles: 400 with a row for every hour; sensors: 500 with a row for every hour.

TRUNCATE TABLE IF EXISTS ${db}.case_events;
TRUNCATE TABLE IF EXISTS ${db}.case_hourly;
TRUNCATE TABLE IF EXISTS ${db}.vehicle_hourly;
TRUNCATE TABLE IF EXISTS ${db}.sensor_hourly;
TRUNCATE TABLE IF EXISTS ${db}.grids;
TRUNCATE TABLE IF EXISTS ${db}.categories;
TRUNCATE TABLE IF EXISTS ${db}.departments;
TRUNCATE TABLE IF EXISTS ${db}.progress;
TRUNCATE TABLE IF EXISTS ${db}.alerts;
TRUNCATE TABLE IF EXISTS ${db}.case_facts;
TRUNCATE TABLE IF EXISTS ${db}.dispatch_facts;

INSERT INTO ${db}.grids (code, name, community, street, district, area_m2, geometry, loaded_at)
SELECT
    concat('6108', leftPad(toString(1 + intDiv(number, 130)), 2, '0'), leftPad(toString(1 + intDiv(number % 130, 26)), 3, '0'),
           leftPad(toString(1 + intDiv(number % 26, 8)), 3, '0'), leftPad(toString(1 + number % 8), 2, '0')) AS code,
    concat('第', toString(1 + intDiv(number % 26, 8)), '社区第', leftPad(toString(1 + number % 8), 2, '0'), '网格'),
    concat('区', toString(1 + intDiv(number, 130)), '街道', toString(1 + intDiv(number % 130, 26)), '社区', toString(1 + intDiv(number % 26, 8))),
    concat('区', toString(1 + intDiv(number, 130)), '街道', toString(1 + intDiv(number % 130, 26))),
    concat('区', toString(1 + intDiv(number, 130))),
    527000,
    format('POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))',
           toString(109.70 + (number % 26) * 0.0075), toString(38.25 + intDiv(number, 26) * 0.0065),
           toString(109.70 + (number % 26 + 1) * 0.0075), toString(38.25 + (intDiv(number, 26) + 1) * 0.0065)),
    now64(3)
FROM numbers(647);

INSERT INTO ${db}.categories (code, kind, major, minor, name, time_limit, department, loaded_at)
SELECT leftPad(toString(101 + number), 4, '0'), if(number < 24, 'EVENT', 'COMPONENT'),
       concat('大类', toString(intDiv(number, 8))), toString(number), concat('类别', toString(number)),
       '3wd', concat('D', leftPad(toString(1 + number % 29), 2, '0')), now64(3)
FROM numbers(40);

INSERT INTO ${db}.departments (code, name, parent, loaded_at)
SELECT concat('D', leftPad(toString(1 + number), 2, '0')), concat('部门', toString(1 + number)), '', now64(3)
FROM numbers(29);

-- one row per case: when, where, what, and its fate
DROP TABLE IF EXISTS ${db}.bench_cases;
CREATE TABLE ${db}.bench_cases ENGINE = Memory AS
SELECT
    number                                                                                   AS n,
    concat('C', toString(number))                                                            AS case_id,
    toDateTime64('2025-11-01 00:00:00', 3, 'Asia/Shanghai') + toIntervalSecond(sipHash64(number, 1) % (365 * 86400)) AS t0,
    (sipHash64(number, 2) % 647)                                                             AS g,
    leftPad(toString(toUInt32(101 + floor(pow(sipHash64(number, 3) % 1000 / 1000, 2) * 40))), 4, '0')          AS category_code,
    ['INSPECTOR', 'INSPECTOR', 'INSPECTOR', 'HOTLINE_12345', 'HOTLINE_12319', 'VIDEO', 'PUBLIC_APP', 'DRONE', 'SENSOR'][1 + sipHash64(number, 4) % 9] AS source,
    sipHash64(number, 5) % 100                                                               AS fate,
    concat('D', leftPad(toString(1 + sipHash64(number, 6) % 29), 2, '0'))                   AS dept
FROM numbers(157000);

INSERT INTO ${db}.case_events (event_id, case_id, type, time, source, category_code, lon, lat, crs, grid_code, community, street, district, department, deadline, inspector_id, address, description, reporter_phone_hash, ingested_at)
SELECT
    concat(c.case_id, '-', ev.1) AS event_id, c.case_id, ev.1, c.t0 + toIntervalSecond(ev.2),
    if(ev.1 = 'REPORTED', c.source, ''), if(ev.1 = 'REPORTED', c.category_code, ''),
    109.70 + (c.g % 26 + 0.5) * 0.0075, 38.25 + (intDiv(c.g, 26) + 0.5) * 0.0065, 'WGS84',
    gr.code, gr.community, gr.street, gr.district,
    if(ev.1 IN ('DISPATCHED', 'RETURNED'), ev.3, ''), NULL, '', '', '', '', now64(3)
FROM ${db}.bench_cases AS c
INNER JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS g, code, community, street, district FROM ${db}.grids) AS gr ON gr.g = c.g
ARRAY JOIN arrayConcat(
    [('REPORTED', 0, ''), ('VERIFIED', 600, '')],
    if(c.fate < 20, [('CANCELLED', 1200, '')], [('REGISTERED', 1200, '')]),
    if(c.fate >= 20 AND c.fate < 30, [('DISPATCHED', 1800, 'D29'), ('RETURNED', 3600, 'D29')], []),
    if(c.fate >= 20, [('DISPATCHED', 5400, c.dept)], []),
    if(c.fate >= 20 AND c.fate < 24, [], if(c.fate >= 20, [('DISPOSED', 5400 + if(c.fate < 30, 400000, 3600 * (1 + c.n % 40)), '')], [])),
    if(c.fate >= 30 AND c.fate < 36, [('REWORK', 5400 + 3600 * (2 + c.n % 40), ''), ('DISPOSED', 5400 + 3600 * (6 + c.n % 40), '')], []),
    if(c.fate >= 24, [('CHECKED', 5400 + 3600 * (8 + c.n % 40), ''), ('CLOSED', 5400 + 3600 * (9 + c.n % 40), '')], [])
) AS ev;

INSERT INTO ${db}.case_hourly (hour, grid_code, category_code, source, reports, version)
SELECT toStartOfHour(time), grid_code, category_code, source, count(), 1
FROM ${db}.case_events WHERE type = 'REPORTED'
GROUP BY toStartOfHour(time), grid_code, category_code, source;

-- The workflow job's facts for the same cases, consistent with their events: one case row, the
-- dispatch that was returned (D29) and the dispatch that stands, located at the report's grid.
DROP TABLE IF EXISTS ${db}.bench_places;
CREATE TABLE ${db}.bench_places ENGINE = Memory AS
SELECT row_number() OVER (ORDER BY code) - 1 AS g, code, community, street, district FROM ${db}.grids;

INSERT INTO ${db}.case_facts (case_id, version, reported_at, source, category_code, lon, lat, grid_code, community, street, district, inspector_id, verified_at, registered_at, first_dispatched_at, checked_at, closed_at, cancelled_at, suspended, status, dispatch_count, return_count, supervised_count, last_event_time)
SELECT
    c.case_id, 1, c.t0, c.source, c.category_code,
    109.70 + (c.g % 26 + 0.5) * 0.0075, 38.25 + (intDiv(c.g, 26) + 0.5) * 0.0065,
    p.code, p.community, p.street, p.district, '',
    c.t0 + toIntervalSecond(600),
    if(c.fate >= 20, c.t0 + toIntervalSecond(1200), NULL),
    multiIf(c.fate >= 20 AND c.fate < 30, c.t0 + toIntervalSecond(1800), c.fate >= 30, c.t0 + toIntervalSecond(5400), NULL),
    if(c.fate >= 24, c.t0 + toIntervalSecond(5400 + 3600 * (8 + c.n % 40)), NULL),
    if(c.fate >= 24, c.t0 + toIntervalSecond(5400 + 3600 * (9 + c.n % 40)), NULL),
    if(c.fate < 20, c.t0 + toIntervalSecond(1200), NULL),
    0,
    multiIf(c.fate < 20, 'CANCELLED', c.fate < 24, 'DISPATCHED', 'CLOSED'),
    multiIf(c.fate < 20, 0, c.fate < 30, 2, 1),
    if(c.fate >= 20 AND c.fate < 30, 1, 0),
    0,
    c.t0 + toIntervalSecond(multiIf(c.fate < 20, 1200, c.fate < 24, 5400,
                                    c.fate < 30, greatest(5400 + 400000, 5400 + 3600 * (9 + c.n % 40)),
                                    5400 + 3600 * (9 + c.n % 40)))
FROM ${db}.bench_cases AS c
INNER JOIN ${db}.bench_places AS p ON p.g = c.g;

INSERT INTO ${db}.dispatch_facts (dispatch_id, case_id, version, department, start, end_time, end_reason, deadline, initial_deadline, deadline_source, rework_count, postpone_count, disposed, disposed_at, first_disposed_at, deadline_at_disposal, on_time, suspended, suspended_since, total_suspended_ms, source, category_code, grid_code, community, street, district)
SELECT
    concat(c.case_id, '-RETURNED'), c.case_id, 1, 'D29', c.t0 + toIntervalSecond(1800),
    c.t0 + toIntervalSecond(3600), 'RETURNED',
    c.t0 + toIntervalSecond(1800 + 3600 * 36), c.t0 + toIntervalSecond(1800 + 3600 * 36), 'CATEGORY',
    0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, 0,
    c.source, c.category_code, p.code, p.community, p.street, p.district
FROM ${db}.bench_cases AS c
INNER JOIN ${db}.bench_places AS p ON p.g = c.g
WHERE c.fate >= 20 AND c.fate < 30;

INSERT INTO ${db}.dispatch_facts (dispatch_id, case_id, version, department, start, end_time, end_reason, deadline, initial_deadline, deadline_source, rework_count, postpone_count, disposed, disposed_at, first_disposed_at, deadline_at_disposal, on_time, suspended, suspended_since, total_suspended_ms, source, category_code, grid_code, community, street, district)
SELECT
    concat(c.case_id, '-DISPATCHED'), c.case_id, 1, c.dept, c.t0 + toIntervalSecond(5400),
    if(c.fate >= 24, c.t0 + toIntervalSecond(5400 + 3600 * (9 + c.n % 40)), NULL), if(c.fate >= 24, 'CLOSED', ''),
    c.t0 + toIntervalSecond(5400 + 3600 * 36), c.t0 + toIntervalSecond(5400 + 3600 * 36), 'CATEGORY',
    if(c.fate >= 30 AND c.fate < 36, 1, 0), 0,
    if(c.fate >= 24, 1, 0),
    if(c.fate >= 24, c.t0 + toIntervalSecond(5400 + if(c.fate < 30, 400000, 3600 * (if(c.fate < 36, 6, 1) + c.n % 40))), NULL),
    if(c.fate >= 24, c.t0 + toIntervalSecond(5400 + if(c.fate < 30, 400000, 3600 * (1 + c.n % 40))), NULL),
    if(c.fate >= 24, c.t0 + toIntervalSecond(5400 + 3600 * 36), NULL),
    if(c.fate >= 24, toUInt8(if(c.fate < 30, 0, (if(c.fate < 36, 6, 1) + c.n % 40) <= 36)), NULL),
    0, NULL, 0, c.source, c.category_code, p.code, p.community, p.street, p.district
FROM ${db}.bench_cases AS c
INNER JOIN ${db}.bench_places AS p ON p.g = c.g
WHERE c.fate >= 20;

INSERT INTO ${db}.alerts (alert_id, type, time, emitted_at, ended_at, revision, severity, case_id, dispatch_id, department, grid_code, category_code, vehicle_id, sensor_id, details)
SELECT concat('A-', dispatch_id), 'OVERDUE', deadline, now64(3), NULL, 1, 'HIGH', case_id, dispatch_id, department, grid_code, category_code, '', '', '{}'
FROM ${db}.dispatch_facts WHERE end_reason != 'RETURNED' AND (disposed = 0 OR on_time = 0);

INSERT INTO ${db}.vehicle_hourly (hour, vehicle_id, vehicle_type, positions, distance_km, version)
SELECT
    toDateTime('2025-11-01 00:00:00', 'Asia/Shanghai') + toIntervalHour(intDiv(number, 400)),
    concat('V', leftPad(toString(number % 400), 4, '0')),
    ['MUCK', 'SWEEPER', 'GARBAGE', 'SPRINKLER', 'PATROL'][1 + (number % 400) % 5],
    if(sipHash64(number) % 10 < 7, 120, 0),
    if(sipHash64(number) % 10 < 7, (sipHash64(number, 1) % 300) / 10, 0),
    1
FROM numbers(400 * 24 * 365);

INSERT INTO ${db}.sensor_hourly (hour, sensor_id, type, grid_code, readings, min, max, avg, last, version)
SELECT
    toDateTime('2025-11-01 00:00:00', 'Asia/Shanghai') + toIntervalHour(intDiv(number, 500)),
    concat('S', leftPad(toString(number % 500), 4, '0')),
    ['BIN_FILL', 'MANHOLE_TILT', 'BRIDGE_STRAIN', 'WATER_LEVEL', 'NOISE'][1 + (number % 500) % 5],
    '', 12, 0, (sipHash64(number) % 1000) / 10, 40, 50, 1
FROM numbers(500 * 24 * 365);

INSERT INTO ${db}.alerts (alert_id, type, time, emitted_at, ended_at, revision, severity, case_id, dispatch_id, department, grid_code, category_code, vehicle_id, sensor_id, details)
SELECT concat('SA-', toString(number)), 'SENSOR_ALARM',
       toDateTime64('2025-11-01 00:00:00', 3, 'Asia/Shanghai') + toIntervalSecond(sipHash64(number, 7) % (365 * 86400)),
       now64(3), NULL, 1, if(number % 5 = 0, 'HIGH', 'MEDIUM'), '', '', '', '', '', '',
       concat('S', leftPad(toString(number % 500), 4, '0')), '{}'
FROM numbers(6000);

INSERT INTO ${db}.progress (scope, as_of, recorded_at, run_id)
VALUES ('cases', toDateTime64('2026-10-31 23:59:59', 3, 'Asia/Shanghai'), now64(3), 'bench'),
       ('vehicles', toDateTime64('2026-10-31 23:59:59', 3, 'Asia/Shanghai'), now64(3), 'bench'),
       ('sensors', toDateTime64('2026-10-31 23:59:59', 3, 'Asia/Shanghai'), now64(3), 'bench');

OPTIMIZE TABLE ${db}.case_events FINAL;
OPTIMIZE TABLE ${db}.dispatch_facts FINAL;
OPTIMIZE TABLE ${db}.case_facts FINAL;
DROP TABLE IF EXISTS ${db}.bench_places;
DROP TABLE IF EXISTS ${db}.bench_cases
