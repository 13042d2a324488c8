package io.gridpulse.flink.sensors;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.model.SensorReading;
import java.util.List;

/** The sensor job's ClickHouse tables (sql/migrations). */
public final class SensorTables {

    public static final TableSpec<ReadingRow> READINGS = new TableSpec<ReadingRow>(
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
                    (out, row) -> {
                        SensorReading s = row.reading();
                        out.setString(1, s.sensorId());
                        out.setString(2, s.type());
                        out.setTime(3, s.time());
                        out.setDouble(4, s.value());
                        out.setString(5, s.unit() == null ? "" : s.unit());
                        if (row.located().lon() == null) {
                            out.setNull(6);
                            out.setNull(7);
                        } else {
                            out.setDouble(6, row.located().lon());
                            out.setDouble(7, row.located().lat());
                        }
                        out.setString(8, s.crs() == null ? "" : s.crs().name());
                        out.setString(9, row.located().gridCode());
                        out.setString(10, row.located().district());
                        out.setTime(11, row.ingestedAt());
                    })
            .withDistinctKeys();

    public static final TableSpec<SensorHourly> HOURLY = new TableSpec<>(
            "sensor_hourly",
            List.of("hour", "sensor_id", "type", "grid_code", "readings", "min", "max", "avg", "last", "version"),
            (out, h) -> {
                out.setTime(1, h.hour());
                out.setString(2, h.sensorId());
                out.setString(3, h.type());
                out.setString(4, h.gridCode());
                out.setLong(5, h.readings());
                out.setDouble(6, h.min());
                out.setDouble(7, h.max());
                out.setDouble(8, h.avg());
                out.setDouble(9, h.last());
                out.setLong(10, h.version());
            });

    private SensorTables() {}
}
