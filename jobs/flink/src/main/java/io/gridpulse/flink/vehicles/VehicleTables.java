package io.gridpulse.flink.vehicles;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.model.VehiclePosition;
import java.util.List;

/** The vehicle job's ClickHouse tables (sql/migrations). */
public final class VehicleTables {

    public static final TableSpec<PositionRow> POSITIONS = new TableSpec<PositionRow>(
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
                    (out, row) -> {
                        VehiclePosition p = row.position();
                        out.setString(1, p.vehicleId());
                        out.setTime(2, p.time());
                        out.setDouble(3, row.located().lon());
                        out.setDouble(4, row.located().lat());
                        out.setString(5, p.crs() == null ? "" : p.crs().name());
                        out.setNullableDouble(6, p.speed());
                        out.setNullableDouble(7, p.heading());
                        out.setString(8, row.vehicleType());
                        out.setString(9, p.plate() == null ? "" : p.plate());
                        out.setString(10, row.located().gridCode());
                        out.setString(11, row.located().district());
                        out.setTime(12, row.ingestedAt());
                    })
            .withDistinctKeys();

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
            (out, h) -> {
                out.setTime(1, h.hour());
                out.setString(2, h.vehicleId());
                out.setString(3, h.vehicleType());
                out.setLong(4, h.positions());
                out.setDouble(5, h.distanceKm());
                out.setDouble(6, h.movingMinutes());
                out.setDouble(7, h.stationaryMinutes());
                out.setLong(8, h.version());
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
            (out, d) -> {
                out.setDate(1, d.day());
                out.setString(2, d.vehicleId());
                out.setString(3, d.vehicleType());
                out.setLong(4, d.positions());
                out.setDouble(5, d.distanceKm());
                out.setDouble(6, d.movingMinutes());
                out.setDouble(7, d.stationaryMinutes());
                out.setLong(8, d.gridsVisited());
                out.setLong(9, d.droppedSameTime());
                out.setLong(10, d.droppedTooFast());
                out.setLong(11, d.droppedOutOfOrder());
                out.setLong(12, d.newStarts());
                out.setLong(13, d.version());
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
            (out, g) -> {
                out.setDate(1, g.day());
                out.setString(2, g.gridCode());
                out.setString(3, g.vehicleId());
                out.setString(4, g.vehicleType());
                out.setLong(5, g.visits());
                out.setLong(6, g.positions());
                out.setTime(7, g.firstVisit());
                out.setTime(8, g.lastVisit());
            });

    private VehicleTables() {}
}
