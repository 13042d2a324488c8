package io.gridpulse.flink.alerts;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.alert.Alert;
import java.util.List;

/** The {@code alerts} table (sql/migrations/V010__alerts.sql); absent ids are written as ''. */
public final class AlertTable {

    public static final TableSpec<Alert> SPEC = new TableSpec<>(
            "alerts",
            List.of(
                    "alert_id",
                    "type",
                    "time",
                    "emitted_at",
                    "ended_at",
                    "revision",
                    "severity",
                    "case_id",
                    "dispatch_id",
                    "department",
                    "grid_code",
                    "category_code",
                    "vehicle_id",
                    "sensor_id",
                    "details"),
            (out, a) -> {
                out.setString(1, a.alertId());
                out.setString(2, a.type().name());
                out.setTime(3, a.time());
                out.setTime(4, a.emittedAt());
                out.setNullableTime(5, a.endedAt());
                out.setInt(6, a.revision());
                out.setString(7, a.severity());
                out.setString(8, nz(a.caseId()));
                out.setString(9, nz(a.dispatchId()));
                out.setString(10, nz(a.department()));
                out.setString(11, nz(a.gridCode()));
                out.setString(12, nz(a.categoryCode()));
                out.setString(13, nz(a.vehicleId()));
                out.setString(14, nz(a.sensorId()));
                out.setString(15, a.details());
            });

    private AlertTable() {}

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
