package io.gridpulse.flink.vehicles;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.flink.common.Times;
import java.sql.Types;
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
            List.of("hour", "vehicle_id", "vehicle_type", "positions", "distance_km", "version"),
            (ps, h) -> {
                ps.setString(1, Times.seconds(h.hour()));
                ps.setString(2, h.vehicleId());
                ps.setString(3, h.vehicleType());
                ps.setLong(4, h.positions());
                ps.setDouble(5, h.distanceKm());
                ps.setLong(6, h.version());
            });

    private VehicleTables() {}
}
