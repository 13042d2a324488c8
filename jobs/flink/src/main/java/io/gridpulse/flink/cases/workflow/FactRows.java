package io.gridpulse.flink.cases.workflow;

import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.Dispatch;
import io.gridpulse.flink.common.Located;
import java.util.ArrayList;
import java.util.List;

/** Turns a replayed {@link CaseState} into its table rows: pure, so the rows depend on the state only. */
final class FactRows {

    private FactRows() {}

    static CaseFact caseFact(CaseState s, ReportLocation report, long version) {
        Located l = located(s, report);
        return new CaseFact(
                s.caseId(),
                version,
                s.reportedAt(),
                s.source() == null ? "" : s.source().name(),
                nz(s.categoryCode()),
                l.lon(),
                l.lat(),
                l.gridCode(),
                l.community(),
                l.street(),
                l.district(),
                nz(s.inspectorId()),
                s.verifiedAt(),
                s.registeredAt(),
                s.firstDispatchedAt(),
                s.checkedAt(),
                s.closedAt(),
                s.cancelledAt(),
                s.suspended(),
                s.status() == null ? "" : s.status().name(),
                s.dispatchCount(),
                s.returnCount(),
                s.supervisedCount(),
                s.lastEventTime());
    }

    static List<DispatchFact> dispatchFacts(CaseState s, ReportLocation report, long version) {
        Located l = located(s, report);
        String source = s.source() == null ? "" : s.source().name();
        String category = nz(s.categoryCode());
        List<DispatchFact> out = new ArrayList<>(s.dispatches().size());
        for (Dispatch d : s.dispatches()) {
            // the state machine counts a running pause up to the as-of moment, which is
            // Long.MAX_VALUE in a live job: the row keeps the ended pauses only
            long ended = d.suspended() && d.suspendedSince() != null
                    ? d.totalSuspendedMillis() - (s.asOf() - d.suspendedSince())
                    : d.totalSuspendedMillis();
            out.add(new DispatchFact(
                    d.dispatchId(),
                    d.caseId(),
                    version,
                    nz(d.department()),
                    d.start(),
                    d.endTime(),
                    d.endReason() == null ? "" : d.endReason().name(),
                    d.deadline(),
                    d.initialDeadline(),
                    d.deadlineSource() == null ? "" : d.deadlineSource().name(),
                    d.reworkCount(),
                    d.postponeCount(),
                    d.disposed(),
                    d.disposedAt(),
                    d.firstDisposedAt(),
                    d.deadlineAtDisposal(),
                    d.onTime(),
                    d.suspended(),
                    d.suspendedSince(),
                    ended,
                    source,
                    category,
                    l.gridCode(),
                    l.community(),
                    l.street(),
                    l.district()));
        }
        return out;
    }

    /** The report's location when the state's report is the one located; nowhere before a REPORTED. */
    private static Located located(CaseState s, ReportLocation report) {
        if (report == null || s.reportedAt() == null || report.time() != s.reportedAt()) {
            return Located.NOWHERE;
        }
        return report.located();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
