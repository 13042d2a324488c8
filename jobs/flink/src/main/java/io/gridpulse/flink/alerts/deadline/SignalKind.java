package io.gridpulse.flink.alerts.deadline;

/**
 * What a {@link ClockSignal} says. Of the signals of one event, declaration order is their order
 * in the CEP operators (see {@link ClockSignal#ORDER}): a dispatch ends before the DISPATCHED that
 * ended it starts the next one.
 */
public enum SignalKind {
    /**
     * Anchors the case-keyed pattern (RETURN_REPEATED): sent once per case history, just before its
     * first RETURNED (same time, ordered first), so that cases without one keep no partial match.
     */
    CASE_OPENED,
    /** A dispatch ended (redispatched, returned, closed, cancelled): ends its partial matches. */
    DISPATCH_ENDED,
    /** A DISPATCHED: anchors the dispatch-keyed patterns. */
    DISPATCHED,
    /** A REWORK applied to the open dispatch (返工). */
    REWORK,
    /** A RETURNED by the open dispatch's department (回退). */
    RETURNED,
    /** A SUPERVISED event (督办). */
    SUPERVISED,
    /** An OVERDUE_WARNING instant came, with the dispatch's state then. */
    WARNING_DUE,
    /** An OVERDUE instant came, with the dispatch's state then. */
    OVERDUE_DUE,
    /** The clock forgot a finished case (retention passed): ends the case's partial matches. */
    CASE_FORGOTTEN
}
