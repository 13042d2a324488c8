package io.gridpulse.flink.cases.workflow;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
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
            (out, c) -> {
                out.setString(1, c.caseId());
                out.setLong(2, c.version());
                out.setNullableTime(3, c.reportedAt());
                out.setString(4, c.source());
                out.setString(5, c.categoryCode());
                out.setNullableDouble(6, c.lon());
                out.setNullableDouble(7, c.lat());
                out.setString(8, c.gridCode());
                out.setString(9, c.community());
                out.setString(10, c.street());
                out.setString(11, c.district());
                out.setString(12, c.inspectorId());
                out.setNullableTime(13, c.verifiedAt());
                out.setNullableTime(14, c.registeredAt());
                out.setNullableTime(15, c.firstDispatchedAt());
                out.setNullableTime(16, c.checkedAt());
                out.setNullableTime(17, c.closedAt());
                out.setNullableTime(18, c.cancelledAt());
                out.setInt(19, c.suspended() ? 1 : 0);
                out.setString(20, c.status());
                out.setInt(21, c.dispatchCount());
                out.setInt(22, c.returnCount());
                out.setInt(23, c.supervisedCount());
                out.setNullableTime(24, c.lastEventTime());
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
            (out, d) -> {
                out.setString(1, d.dispatchId());
                out.setString(2, d.caseId());
                out.setLong(3, d.version());
                out.setString(4, d.department());
                out.setTime(5, d.start());
                out.setNullableTime(6, d.endTime());
                out.setString(7, d.endReason());
                out.setNullableTime(8, d.deadline());
                out.setNullableTime(9, d.initialDeadline());
                out.setString(10, d.deadlineSource());
                out.setInt(11, d.reworkCount());
                out.setInt(12, d.postponeCount());
                out.setInt(13, d.disposed() ? 1 : 0);
                out.setNullableTime(14, d.disposedAt());
                out.setNullableTime(15, d.firstDisposedAt());
                out.setNullableTime(16, d.deadlineAtDisposal());
                if (d.onTime() == null) {
                    out.setNull(17);
                } else {
                    out.setInt(17, d.onTime() ? 1 : 0);
                }
                out.setInt(18, d.suspended() ? 1 : 0);
                out.setNullableTime(19, d.suspendedSince());
                out.setLong(20, d.totalSuspendedMs());
                out.setString(21, d.source());
                out.setString(22, d.categoryCode());
                out.setString(23, d.gridCode());
                out.setString(24, d.community());
                out.setString(25, d.street());
                out.setString(26, d.district());
            });

    /** Event-time progress of a live job (scope, as_of, recorded_at, run_id). */
    public static final TableSpec<Progress> PROGRESS =
            new TableSpec<>("progress", List.of("scope", "as_of", "recorded_at", "run_id"), (out, p) -> {
                out.setString(1, p.scope());
                out.setTime(2, p.asOf());
                out.setTime(3, p.recordedAt());
                out.setString(4, p.runId());
            });

    private WorkflowTables() {}
}
