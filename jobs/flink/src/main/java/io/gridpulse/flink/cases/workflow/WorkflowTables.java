package io.gridpulse.flink.cases.workflow;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.flink.common.Times;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** The workflow's ClickHouse tables (sql/migrations/V007__case_facts.sql) and the progress table (V004). */
public final class WorkflowTables {

    public static final TableSpec<CaseFact> CASE_FACTS = new TableSpec<>(
            "case_facts",
            List.of(
                    "case_id",
                    "version",
                    "reported_at",
                    "source",
                    "category_code",
                    "lon",
                    "lat",
                    "grid_code",
                    "community",
                    "street",
                    "district",
                    "inspector_id",
                    "verified_at",
                    "registered_at",
                    "first_dispatched_at",
                    "checked_at",
                    "closed_at",
                    "cancelled_at",
                    "suspended",
                    "status",
                    "dispatch_count",
                    "return_count",
                    "supervised_count",
                    "last_event_time"),
            (ps, c) -> {
                ps.setString(1, c.caseId());
                ps.setLong(2, c.version());
                time(ps, 3, c.reportedAt());
                ps.setString(4, c.source());
                ps.setString(5, c.categoryCode());
                decimal(ps, 6, c.lon());
                decimal(ps, 7, c.lat());
                ps.setString(8, c.gridCode());
                ps.setString(9, c.community());
                ps.setString(10, c.street());
                ps.setString(11, c.district());
                ps.setString(12, c.inspectorId());
                time(ps, 13, c.verifiedAt());
                time(ps, 14, c.registeredAt());
                time(ps, 15, c.firstDispatchedAt());
                time(ps, 16, c.checkedAt());
                time(ps, 17, c.closedAt());
                time(ps, 18, c.cancelledAt());
                ps.setInt(19, c.suspended() ? 1 : 0);
                ps.setString(20, c.status());
                ps.setInt(21, c.dispatchCount());
                ps.setInt(22, c.returnCount());
                ps.setInt(23, c.supervisedCount());
                time(ps, 24, c.lastEventTime());
            });

    public static final TableSpec<DispatchFact> DISPATCH_FACTS = new TableSpec<>(
            "dispatch_facts",
            List.of(
                    "dispatch_id",
                    "case_id",
                    "version",
                    "department",
                    "start",
                    "end_time",
                    "end_reason",
                    "deadline",
                    "initial_deadline",
                    "deadline_source",
                    "rework_count",
                    "postpone_count",
                    "disposed",
                    "disposed_at",
                    "first_disposed_at",
                    "deadline_at_disposal",
                    "on_time",
                    "suspended",
                    "suspended_since",
                    "total_suspended_ms",
                    "source",
                    "category_code",
                    "grid_code",
                    "community",
                    "street",
                    "district"),
            (ps, d) -> {
                ps.setString(1, d.dispatchId());
                ps.setString(2, d.caseId());
                ps.setLong(3, d.version());
                ps.setString(4, d.department());
                ps.setString(5, Times.millis(d.start()));
                time(ps, 6, d.endTime());
                ps.setString(7, d.endReason());
                time(ps, 8, d.deadline());
                time(ps, 9, d.initialDeadline());
                ps.setString(10, d.deadlineSource());
                ps.setInt(11, d.reworkCount());
                ps.setInt(12, d.postponeCount());
                ps.setInt(13, d.disposed() ? 1 : 0);
                time(ps, 14, d.disposedAt());
                time(ps, 15, d.firstDisposedAt());
                time(ps, 16, d.deadlineAtDisposal());
                if (d.onTime() == null) {
                    ps.setNull(17, Types.TINYINT);
                } else {
                    ps.setInt(17, d.onTime() ? 1 : 0);
                }
                ps.setInt(18, d.suspended() ? 1 : 0);
                time(ps, 19, d.suspendedSince());
                ps.setLong(20, d.totalSuspendedMs());
                ps.setString(21, d.source());
                ps.setString(22, d.categoryCode());
                ps.setString(23, d.gridCode());
                ps.setString(24, d.community());
                ps.setString(25, d.street());
                ps.setString(26, d.district());
            });

    /** Event-time progress of a live job (scope, as_of, recorded_at, run_id). */
    public static final TableSpec<Progress> PROGRESS =
            new TableSpec<>("progress", List.of("scope", "as_of", "recorded_at", "run_id"), (ps, p) -> {
                ps.setString(1, p.scope());
                ps.setString(2, Times.millis(p.asOf()));
                ps.setString(3, Times.millis(p.recordedAt()));
                ps.setString(4, p.runId());
            });

    private WorkflowTables() {}

    private static void time(PreparedStatement ps, int i, Long millis) throws SQLException {
        if (millis == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, Times.millis(millis));
        }
    }

    private static void decimal(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
