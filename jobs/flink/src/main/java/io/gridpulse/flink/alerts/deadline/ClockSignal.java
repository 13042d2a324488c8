package io.gridpulse.flink.alerts.deadline;

import java.util.Comparator;

/**
 * What the {@link DeadlineClock} tells the CEP patterns: a case event in its dispatch's context, a
 * deadline instant that came (a tick, with the dispatch's state at that instant), or a case's
 * lifecycle mark. Times are epoch milliseconds; nullable fields are boxed. A flat record of
 * primitives, strings and enums, so Flink serialises it as a POJO.
 *
 * @param kind what happened
 * @param caseId the case
 * @param dispatchId the dispatch concerned; null for case-level signals without one
 * @param eventId the case event behind an event signal; null for ticks and lifecycle marks
 * @param eventOrder for event signals the event type's ordinal (the contract's tie order); else 0
 * @param time the event-time instant (the event's time, or the tick's instant)
 * @param emittedAt wall-clock time the clock emitted it (the CEP timestamp in live mode)
 * @param department the dispatch's department
 * @param categoryCode the case's category (of its earliest REPORTED)
 * @param gridCode the unit grid of the case's earliest REPORTED ('' outside every grid)
 * @param start ticks: the dispatch's start
 * @param deadline ticks: the deadline the tick is about
 * @param deadlineSetAt ticks: when that deadline was set
 * @param deadlineCause ticks: what set it (EXPLICIT, CATALOGUE, POSTPONED, REWORK, RESUMED)
 * @param open ticks: the dispatch had not ended at {@code time}
 * @param disposed ticks: it was disposed at {@code time}
 * @param suspended ticks: it was paused at {@code time}
 * @param deadlineInForce ticks: its deadline in force at {@code time}; null when unknown
 */
public record ClockSignal(
        SignalKind kind,
        String caseId,
        String dispatchId,
        String eventId,
        int eventOrder,
        long time,
        long emittedAt,
        String department,
        String categoryCode,
        String gridCode,
        Long start,
        Long deadline,
        Long deadlineSetAt,
        String deadlineCause,
        boolean open,
        boolean disposed,
        boolean suspended,
        Long deadlineInForce) {

    /** Ties of equal CEP timestamp: time, kind, event order, event id, deadline. */
    public static final Comparator<ClockSignal> ORDER = Comparator.comparingLong(ClockSignal::time)
            .thenComparing(ClockSignal::kind)
            .thenComparingInt(ClockSignal::eventOrder)
            .thenComparing(s -> s.eventId() == null ? "" : s.eventId())
            .thenComparingLong(s -> s.deadline() == null ? 0 : s.deadline());

    /** The key of the dispatch-keyed patterns. */
    public String dispatchKey() {
        return dispatchId == null ? "" : dispatchId;
    }

    /** A tick whose dispatch was overdue under the tick's deadline at the tick's instant. */
    public boolean overdue() {
        return kind == SignalKind.OVERDUE_DUE
                && open
                && !disposed
                && !suspended
                && deadline != null
                && deadline.equals(deadlineInForce)
                && deadline <= time;
    }

    /** A warning tick whose dispatch was open, not disposed, under the tick's deadline. */
    public boolean warningDue() {
        return kind == SignalKind.WARNING_DUE
                && open
                && !disposed
                && deadline != null
                && deadline.equals(deadlineInForce);
    }
}
