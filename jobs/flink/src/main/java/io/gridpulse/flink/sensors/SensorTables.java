package io.gridpulse.flink.sensors;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.flink.common.Times;
import java.sql.Types;
import java.util.List;

/** The sensor job's ClickHouse tables (sql/migrations). */
public final class SensorTables {

    public static final TableSpec<ReadingRow> READINGS = new TableSpec<>(
            "sensor_readings",
            List.of(
                    "sensor_id",
                    "type",
                    "time",
                    "value",
                    "unit",
                    "lon",
                    "lat",
                    "crs",
                    "grid_code",
                    "district",
                    "ingested_at"),
            (ps, row) -> {
                SensorReading s = row.reading();
                ps.setString(1, s.sensorId());
                ps.setString(2, s.type());
                ps.setString(3, Times.millis(s.time()));
                ps.setDouble(4, s.value());
                ps.setString(5, s.unit() == null ? "" : s.unit());
                if (row.located().lon() == null) {
                    ps.setNull(6, Types.DOUBLE);
                    ps.setNull(7, Types.DOUBLE);
                } else {
                    ps.setDouble(6, row.located().lon());
                    ps.setDouble(7, row.located().lat());
                }
                ps.setString(8, s.crs() == null ? "" : s.crs().name());
                ps.setString(9, row.located().gridCode());
                ps.setString(10, row.located().district());
                ps.setString(11, Times.millis(row.ingestedAt()));
            });

    public static final TableSpec<SensorHourly> HOURLY = new TableSpec<>(
            "sensor_hourly",
            List.of("hour", "sensor_id", "type", "grid_code", "readings", "min", "max", "avg", "last", "version"),
            (ps, h) -> {
                ps.setString(1, Times.seconds(h.hour()));
                ps.setString(2, h.sensorId());
                ps.setString(3, h.type());
                ps.setString(4, h.gridCode());
                ps.setLong(5, h.readings());
                ps.setDouble(6, h.min());
                ps.setDouble(7, h.max());
                ps.setDouble(8, h.avg());
                ps.setDouble(9, h.last());
                ps.setLong(10, h.version());
            });

    private SensorTables() {}
}
