package io.gridpulse.flink.cases;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.flink.common.Located;
import java.util.List;

/** The case job's ClickHouse tables (sql/migrations). */
public final class CaseTables {

    public static final TableSpec<CaseEventRow> CASE_EVENTS = new TableSpec<CaseEventRow>(
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
                    (out, row) -> {
                        CaseEvent e = row.event();
                        Located l = row.located();
                        out.setString(1, e.eventId());
                        out.setString(2, e.caseId());
                        out.setString(3, e.type().name());
                        out.setTime(4, e.time());
                        out.setString(5, e.source() == null ? "" : e.source().name());
                        out.setString(6, nz(e.categoryCode()));
                        if (l.lon() == null) {
                            out.setNull(7);
                            out.setNull(8);
                        } else {
                            out.setDouble(7, l.lon());
                            out.setDouble(8, l.lat());
                        }
                        out.setString(9, e.crs() == null ? "" : e.crs().name());
                        out.setString(10, l.gridCode());
                        out.setString(11, l.community());
                        out.setString(12, l.street());
                        out.setString(13, l.district());
                        out.setString(14, nz(e.department()));
                        out.setNullableTime(15, e.deadline());
                        out.setString(16, nz(e.inspectorId()));
                        out.setString(17, nz(e.address()));
                        out.setString(18, nz(e.description()));
                        out.setString(19, nz(e.reporterPhoneHash()));
                        out.setTime(20, row.ingestedAt());
                    })
            .withDistinctKeys();

    public static final TableSpec<CaseHourly> CASE_HOURLY = new TableSpec<>(
            "case_hourly", List.of("hour", "grid_code", "category_code", "source", "reports", "version"), (out, h) -> {
                out.setTime(1, h.hour());
                out.setString(2, h.gridCode());
                out.setString(3, h.categoryCode());
                out.setString(4, h.source());
                out.setLong(5, h.reports());
                out.setLong(6, h.version());
            });

    private CaseTables() {}

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
