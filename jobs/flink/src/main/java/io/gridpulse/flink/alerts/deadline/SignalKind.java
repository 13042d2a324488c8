package io.gridpulse.flink.alerts.deadline;

/**
 * What a {@link ClockSignal} says. Declaration order breaks ties of equal time in the CEP
 * operators (see {@link ClockSignal#ORDER}): a case opens before anything else happens to it, and
 * a dispatch ends before the event that ended it is itself applied.
 */
public enum SignalKind {
    /** The case's first signal: anchors the case-keyed patterns. */
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
