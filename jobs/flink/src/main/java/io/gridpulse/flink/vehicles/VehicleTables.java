package io.gridpulse.flink.vehicles;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.flink.common.Times;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/** The vehicle job's ClickHouse tables (sql/migrations). */
public final class VehicleTables {

    public static final TableSpec<PositionRow> POSITIONS = new TableSpec<>(
            "vehicle_positions",
            List.of(
                    "vehicle_id",
                    "time",
                    "lon",
                    "lat",
                    "crs",
                    "speed",
                    "heading",
                    "vehicle_type",
                    "plate",
                    "grid_code",
                    "district",
                    "ingested_at"),
            (ps, row) -> {
                VehiclePosition p = row.position();
                ps.setString(1, p.vehicleId());
                ps.setString(2, Times.millis(p.time()));
                ps.setDouble(3, row.located().lon());
                ps.setDouble(4, row.located().lat());
                ps.setString(5, p.crs() == null ? "" : p.crs().name());
                if (p.speed() == null) {
                    ps.setNull(6, Types.FLOAT);
                } else {
                    ps.setFloat(6, p.speed().floatValue());
                }
                if (p.heading() == null) {
                    ps.setNull(7, Types.FLOAT);
                } else {
                    ps.setFloat(7, p.heading().floatValue());
                }
                ps.setString(8, row.vehicleType());
                ps.setString(9, p.plate() == null ? "" : p.plate());
                ps.setString(10, row.located().gridCode());
                ps.setString(11, row.located().district());
                ps.setString(12, Times.millis(row.ingestedAt()));
            });

    public static final TableSpec<VehicleHourly> HOURLY = new TableSpec<>(
            "vehicle_hourly",
            List.of(
                    "hour",
                    "vehicle_id",
                    "vehicle_type",
                    "positions",
                    "distance_km",
                    "moving_minutes",
                    "stationary_minutes",
                    "version"),
            (ps, h) -> {
                ps.setString(1, Times.seconds(h.hour()));
                ps.setString(2, h.vehicleId());
                ps.setString(3, h.vehicleType());
                ps.setLong(4, h.positions());
                ps.setDouble(5, h.distanceKm());
                ps.setDouble(6, h.movingMinutes());
                ps.setDouble(7, h.stationaryMinutes());
                ps.setLong(8, h.version());
            });

    public static final TableSpec<VehicleDaily> DAILY = new TableSpec<>(
            "vehicle_daily",
            List.of(
                    "day",
                    "vehicle_id",
                    "vehicle_type",
                    "positions",
                    "distance_km",
                    "moving_minutes",
                    "stationary_minutes",
                    "grids_visited",
                    "dropped_same_time",
                    "dropped_too_fast",
                    "dropped_out_of_order",
                    "new_starts",
                    "version"),
            (ps, d) -> {
                ps.setString(1, LocalDate.ofEpochDay(d.day()).toString());
                ps.setString(2, d.vehicleId());
                ps.setString(3, d.vehicleType());
                ps.setLong(4, d.positions());
                ps.setDouble(5, d.distanceKm());
                ps.setDouble(6, d.movingMinutes());
                ps.setDouble(7, d.stationaryMinutes());
                ps.setLong(8, d.gridsVisited());
                ps.setLong(9, d.droppedSameTime());
                ps.setLong(10, d.droppedTooFast());
                ps.setLong(11, d.droppedOutOfOrder());
                ps.setLong(12, d.newStarts());
                ps.setLong(13, d.version());
            });

    public static final TableSpec<VehicleGridDay> GRID_DAY = new TableSpec<>(
            "vehicle_grid_daily",
            List.of(
                    "day",
                    "grid_code",
                    "vehicle_id",
                    "vehicle_type",
                    "visits",
                    "positions",
                    "first_visit",
                    "last_visit"),
            (ps, g) -> {
                ps.setString(1, LocalDate.ofEpochDay(g.day()).toString());
                ps.setString(2, g.gridCode());
                ps.setString(3, g.vehicleId());
                ps.setString(4, g.vehicleType());
                ps.setLong(5, g.visits());
                ps.setLong(6, g.positions());
                ps.setString(7, Times.millis(g.firstVisit()));
                ps.setString(8, Times.millis(g.lastVisit()));
            });

    private VehicleTables() {}
}
