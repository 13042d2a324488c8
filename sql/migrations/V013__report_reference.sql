-- Reference data the reports need to name and draw things (issue #7): each grid's outline
-- (WKT, WGS84) for the dashboard map and the bulletin's hotspot map, and the departments'
-- names for rankings. Written by `process` with the other reference tables (V006).

ALTER TABLE ${db}.grids ADD COLUMN IF NOT EXISTS geometry String DEFAULT '';

CREATE TABLE IF NOT EXISTS ${db}.departments
(
    code      String,
    name      String,
    parent    String,
    loaded_at DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY code;
