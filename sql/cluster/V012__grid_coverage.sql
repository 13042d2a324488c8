-- Generated from sql/migrations/V012__grid_coverage.sql by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.
-- Cluster variant: replicated local tables (*_local) and Distributed tables under the
-- original names; macros {cluster}, {shard}, {replica} from each server's config.

CREATE OR REPLACE VIEW ${db}.grid_daily_coverage ON CLUSTER '{cluster}' AS
SELECT
    day,
    grid_code,
    vehicle_type,
    count()          AS vehicles,
    sum(visits)      AS visits,
    min(first_visit) AS first_visit,
    max(last_visit)  AS last_visit
FROM ${db}.vehicle_grid_daily FINAL
GROUP BY day, grid_code, vehicle_type;

CREATE OR REPLACE VIEW ${db}.grid_coverage_all ON CLUSTER '{cluster}' AS
SELECT
    d.day                                                 AS day,
    g.code                                                AS grid_code,
    g.name                                                AS grid_name,
    g.community                                           AS community,
    g.street                                              AS street,
    g.district                                            AS district,
    sumIf(c.vehicles, c.vehicle_type = 'SWEEPER')         AS sweepers,
    sumIf(c.vehicles, c.vehicle_type = 'GARBAGE')         AS garbage_trucks,
    sumIf(c.vehicles, c.vehicle_type = 'SPRINKLER')       AS sprinklers,
    sumIf(c.visits, c.vehicle_type IN ('SWEEPER', 'GARBAGE', 'SPRINKLER')) AS sanitation_visits,
    sum(c.vehicles)                                       AS vehicles,
    toUInt8(sweepers + garbage_trucks + sprinklers > 0)   AS served
FROM (SELECT DISTINCT day FROM ${db}.vehicle_daily) AS d
CROSS JOIN (SELECT code, name, community, street, district FROM ${db}.grids FINAL) AS g
LEFT JOIN ${db}.grid_daily_coverage AS c ON c.day = d.day AND c.grid_code = g.code
GROUP BY d.day, g.code, g.name, g.community, g.street, g.district;
