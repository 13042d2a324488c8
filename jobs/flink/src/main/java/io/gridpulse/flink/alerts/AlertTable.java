package io.gridpulse.flink.alerts;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.flink.common.Times;
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
            (ps, a) -> {
                ps.setString(1, a.alertId());
                ps.setString(2, a.type().name());
                ps.setString(3, Times.millis(a.time()));
                ps.setString(4, Times.millis(a.emittedAt()));
                ps.setString(5, a.endedAt() == null ? null : Times.millis(a.endedAt()));
                ps.setInt(6, a.revision());
                ps.setString(7, a.severity());
                ps.setString(8, nz(a.caseId()));
                ps.setString(9, nz(a.dispatchId()));
                ps.setString(10, nz(a.department()));
                ps.setString(11, nz(a.gridCode()));
                ps.setString(12, nz(a.categoryCode()));
                ps.setString(13, nz(a.vehicleId()));
                ps.setString(14, nz(a.sensorId()));
                ps.setString(15, a.details());
            });

    private AlertTable() {}

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
