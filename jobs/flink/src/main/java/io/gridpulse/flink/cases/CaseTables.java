package io.gridpulse.flink.cases;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.Times;
import java.sql.Types;
import java.util.List;

/** The case job's ClickHouse tables (sql/migrations). */
public final class CaseTables {

    public static final TableSpec<CaseEventRow> CASE_EVENTS = new TableSpec<>(
            "case_events",
            List.of(
                    "event_id",
                    "case_id",
                    "type",
                    "time",
                    "source",
                    "category_code",
                    "lon",
                    "lat",
                    "crs",
                    "grid_code",
                    "community",
                    "street",
                    "district",
                    "department",
                    "deadline",
                    "inspector_id",
                    "address",
                    "description",
                    "reporter_phone_hash",
                    "ingested_at"),
            (ps, row) -> {
                CaseEvent e = row.event();
                Located l = row.located();
                ps.setString(1, e.eventId());
                ps.setString(2, e.caseId());
                ps.setString(3, e.type().name());
                ps.setString(4, Times.millis(e.time()));
                ps.setString(5, e.source() == null ? "" : e.source().name());
                ps.setString(6, nz(e.categoryCode()));
                if (l.lon() == null) {
                    ps.setNull(7, Types.DOUBLE);
                    ps.setNull(8, Types.DOUBLE);
                } else {
                    ps.setDouble(7, l.lon());
                    ps.setDouble(8, l.lat());
                }
                ps.setString(9, e.crs() == null ? "" : e.crs().name());
                ps.setString(10, l.gridCode());
                ps.setString(11, l.community());
                ps.setString(12, l.street());
                ps.setString(13, l.district());
                ps.setString(14, nz(e.department()));
                if (e.deadline() == null) {
                    ps.setNull(15, Types.VARCHAR);
                } else {
                    ps.setString(15, Times.millis(e.deadline()));
                }
                ps.setString(16, nz(e.inspectorId()));
                ps.setString(17, nz(e.address()));
                ps.setString(18, nz(e.description()));
                ps.setString(19, nz(e.reporterPhoneHash()));
                ps.setString(20, Times.millis(row.ingestedAt()));
            });

    public static final TableSpec<CaseHourly> CASE_HOURLY = new TableSpec<>(
            "case_hourly", List.of("hour", "grid_code", "category_code", "source", "reports", "version"), (ps, h) -> {
                ps.setString(1, Times.seconds(h.hour()));
                ps.setString(2, h.gridCode());
                ps.setString(3, h.categoryCode());
                ps.setString(4, h.source());
                ps.setLong(5, h.reports());
                ps.setLong(6, h.version());
            });

    private CaseTables() {}

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
