package io.gridpulse.domain.workflow;

import java.util.List;

/**
 * One dispatch (派遣) of a case to a department: the unit departments are assessed on, as of the
 * moment its {@link CaseState} was replayed to. Times are epoch milliseconds; nullable fields are
 * boxed. Immutable (the list is copied) and thread-safe. Built only by {@link CaseStateMachine},
 * whose Javadoc states the rules in full.
 *
 * @param dispatchId the eventId of the DISPATCHED that started it
 * @param department the department it was dispatched to
 * @param start the DISPATCHED event's time
 * @param endTime when it ended; null while open
 * @param endReason why it ended; null while open
 * @param deadline the deadline in force at the as-of moment; null when unknown (no explicit
 *     deadline and no REPORTED with a category known yet, or a category without a limit). It does
 *     not include a pause still running at the as-of moment: a pause moves it when RESUMED.
 * @param initialDeadline the deadline set at dispatch (explicit or catalogue); null when unknown
 * @param deadlineSource what last set {@code deadline}; null when unknown
 * @param reworkCount REWORK events applied to it (返工)
 * @param postponeCount POSTPONED events applied to it (延期; those after the disposal are not)
 * @param disposed a DISPOSED follows its last REWORK (or it has a DISPOSED and no REWORK)
 * @param disposedAt the last DISPOSED after the last REWORK; null when not disposed
 * @param firstDisposedAt the first DISPOSED of the dispatch, even one voided by a later REWORK;
 *     null when none. Tells "ended before any disposal" apart from "ended while reworked".
 * @param deadlineAtDisposal the deadline in force at {@code disposedAt}; null when not disposed or
 *     unknown
 * @param onTime {@code disposedAt <= deadlineAtDisposal}; null when not disposed or no deadline
 * @param suspended paused (挂账) at the as-of moment: a SUSPENDED not yet RESUMED, and not ended
 * @param suspendedSince when the running pause began; null when not suspended
 * @param totalSuspendedMillis paused time up to its end or the as-of moment, running pause included
 * @param deadlineChanges every change of the deadline, in order (see {@link DeadlineChange})
 */
public record Dispatch(
        String dispatchId,
        String caseId,
        String department,
        long start,
        Long endTime,
        DispatchEnd endReason,
        Long deadline,
        Long initialDeadline,
        DeadlineSource deadlineSource,
        int reworkCount,
        int postponeCount,
        boolean disposed,
        Long disposedAt,
        Long firstDisposedAt,
        Long deadlineAtDisposal,
        Boolean onTime,
        boolean suspended,
        Long suspendedSince,
        long totalSuspendedMillis,
        List<DeadlineChange> deadlineChanges) {

    public Dispatch {
        deadlineChanges = List.copyOf(deadlineChanges);
    }

    /** Still open: not returned, redispatched, closed or cancelled. */
    public boolean open() {
        return endTime == null;
    }

    /**
     * Overdue (超期未处置) at {@code t}: not disposed, not ended, not suspended, and the deadline in
     * force is before {@code t}. Meaningful for {@code t} up to the as-of moment of its state; for a
     * later {@code t} it answers "if nothing else happens".
     */
    public boolean overdueAt(long t) {
        return !disposed && endTime == null && !suspended && deadline != null && deadline < t;
    }

    /**
     * Ended before any DISPOSED (returned, redispatched, closed or cancelled first): such a dispatch
     * is not due (contracts.md, {@code due}). A dispatch disposed, then reworked, then ended is not
     * in this group: it had a disposal, which was rejected.
     */
    public boolean endedBeforeAnyDisposal() {
        return endTime != null && firstDisposedAt == null;
    }

    /** Counts in {@code due} (应处置): neither ended before any disposal nor suspended at the as-of moment. */
    public boolean due() {
        return !endedBeforeAnyDisposal() && !suspended;
    }

    /** Ended by its department's RETURNED (回退). */
    public boolean returned() {
        return endReason == DispatchEnd.RETURNED;
    }

    /** At least one REWORK (counts once in {@code reworked}). */
    public boolean reworked() {
        return reworkCount > 0;
    }

    /** At least one effective POSTPONED (counts once in {@code postponed}). */
    public boolean postponed() {
        return postponeCount > 0;
    }
}
