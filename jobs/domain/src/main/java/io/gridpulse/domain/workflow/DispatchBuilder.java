package io.gridpulse.domain.workflow;

import io.gridpulse.domain.calendar.TimeLimit;
import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.model.CaseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The running values of one dispatch during a replay; the rules are those of {@link
 * CaseStateMachine}. Mutable, confined to one replay.
 */
final class DispatchBuilder {

    private final String dispatchId;
    private final String caseId;
    final String department;
    private final long start;
    private Long endTime;
    private DispatchEnd endReason;
    private Long deadline;
    private final Long initialDeadline;
    private DeadlineSource deadlineSource;
    private int reworkCount;
    private int postponeCount;
    private boolean disposed;
    private Long disposedAt;
    private Long firstDisposedAt;
    private Long deadlineAtDisposal;
    private boolean suspended;
    private Long suspendedSince;
    private long totalSuspendedMillis;
    private final List<DeadlineChange> changes = new ArrayList<>(2);

    private DispatchBuilder(CaseEvent dispatched, Long deadline, DeadlineSource source) {
        this.dispatchId = dispatched.eventId();
        this.caseId = dispatched.caseId();
        this.department = dispatched.department();
        this.start = dispatched.time();
        this.deadline = deadline;
        this.initialDeadline = deadline;
        this.deadlineSource = source;
        if (deadline != null) {
            changes.add(new DeadlineChange(
                    start,
                    deadline,
                    source == DeadlineSource.EXPLICIT
                            ? DeadlineChange.Cause.EXPLICIT
                            : DeadlineChange.Cause.CATALOGUE));
        }
    }

    static DispatchBuilder start(CaseEvent dispatched, TimeLimit limit, WorkCalendar calendar) {
        if (dispatched.deadline() != null) {
            return new DispatchBuilder(dispatched, dispatched.deadline(), DeadlineSource.EXPLICIT);
        }
        if (limit != null) {
            return new DispatchBuilder(
                    dispatched, calendar.deadline(dispatched.time(), limit), DeadlineSource.CATALOGUE);
        }
        return new DispatchBuilder(dispatched, null, null);
    }

    void dispose(long t) {
        disposed = true;
        disposedAt = t;
        if (firstDisposedAt == null) {
            firstDisposedAt = t;
        }
        deadlineAtDisposal = deadline;
    }

    void rework(long t, Long newDeadline) {
        reworkCount++;
        disposed = false;
        disposedAt = null;
        deadlineAtDisposal = null;
        if (newDeadline != null) {
            setDeadline(t, newDeadline, DeadlineSource.REWORK, DeadlineChange.Cause.REWORK);
        }
    }

    void postpone(long t, Long newDeadline) {
        if (disposed) {
            return;
        }
        postponeCount++;
        if (newDeadline != null) {
            setDeadline(t, newDeadline, DeadlineSource.POSTPONED, DeadlineChange.Cause.POSTPONED);
        }
    }

    void suspend(long t) {
        if (!suspended) {
            suspended = true;
            suspendedSince = t;
        }
    }

    void resume(long t) {
        if (!suspended) {
            return;
        }
        long paused = t - suspendedSince;
        totalSuspendedMillis += paused;
        suspended = false;
        suspendedSince = null;
        if (deadline != null && paused > 0) {
            deadline += paused;
            changes.add(new DeadlineChange(t, deadline, DeadlineChange.Cause.RESUMED));
        }
    }

    void end(long t, DispatchEnd reason) {
        endTime = t;
        endReason = reason;
        if (suspended) {
            totalSuspendedMillis += t - suspendedSince;
            suspended = false;
            suspendedSince = null;
        }
    }

    private void setDeadline(long t, long value, DeadlineSource source, DeadlineChange.Cause cause) {
        deadline = value;
        deadlineSource = source;
        changes.add(new DeadlineChange(t, value, cause));
    }

    Dispatch build(long asOf) {
        long suspendedTotal = suspended ? totalSuspendedMillis + (asOf - suspendedSince) : totalSuspendedMillis;
        Boolean onTime = disposed && deadlineAtDisposal != null ? disposedAt <= deadlineAtDisposal : null;
        return new Dispatch(
                dispatchId,
                caseId,
                department,
                start,
                endTime,
                endReason,
                deadline,
                initialDeadline,
                deadlineSource,
                reworkCount,
                postponeCount,
                disposed,
                disposedAt,
                firstDisposedAt,
                deadlineAtDisposal,
                onTime,
                suspended,
                suspendedSince,
                suspendedTotal,
                changes);
    }
}
