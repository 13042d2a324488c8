-- Vehicle metrics (vehicles issue item 2), written by the vehicle job's VehicleTrack once each
-- period is complete: per vehicle and local day, per vehicle, grid and day, and (added columns)
-- per vehicle and hour. Steps between consecutive kept positions (after trajectory cleaning)
-- belong to the period of their later position; a step across a gap over 10 minutes counts for
-- nothing; moving when at least 3 km/h. A replay writes equal rows; `version` grows only with
-- the input (positions taken), so a larger version is always the more complete row.

CREATE TABLE IF NOT EXISTS ${db}.vehicle_daily
(
    day                  Date,
    vehicle_id           String,
    vehicle_type         LowCardinality(String),
    positions            UInt64,
    distance_km          Float64,
    moving_minutes       Float64,
    stationary_minutes   Float64,
    grids_visited        UInt32,
    dropped_same_time    UInt64,
    dropped_too_fast     UInt64,
    dropped_out_of_order UInt64,
    new_starts           UInt64,
    version              UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (day, vehicle_id);

-- One vehicle's visits to one grid on one day; a visit is a run of consecutive kept positions in
-- the grid (a run crossing local midnight counts on both days). Positions outside every grid
-- are not listed.
CREATE TABLE IF NOT EXISTS ${db}.vehicle_grid_daily
(
    day          Date,
    grid_code    String,
    vehicle_id   String,
    vehicle_type LowCardinality(String),
    visits       UInt64,
    positions    UInt64,
    first_visit  DateTime64(3, 'Asia/Shanghai'),
    last_visit   DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(positions)
PARTITION BY toYYYYMM(day)
ORDER BY (day, grid_code, vehicle_id);

ALTER TABLE ${db}.vehicle_hourly ADD COLUMN IF NOT EXISTS moving_minutes Float64 AFTER distance_km;

ALTER TABLE ${db}.vehicle_hourly ADD COLUMN IF NOT EXISTS stationary_minutes Float64 AFTER moving_minutes;
