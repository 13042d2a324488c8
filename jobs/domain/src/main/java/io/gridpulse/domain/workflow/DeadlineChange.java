package io.gridpulse.domain.workflow;

/**
 * One change of a dispatch's deadline: from {@code time} on, the deadline in force is {@code
 * deadline} (epoch milliseconds). The first change of a dispatch with a known deadline is at its
 * start, caused by {@link Cause#EXPLICIT} or {@link Cause#CATALOGUE}. Alerting schedules warnings
 * and overdue alerts from these. Immutable.
 */
public record DeadlineChange(long time, long deadline, Cause cause) {

    /** What changed the deadline. */
    public enum Cause {
        /** The DISPATCHED event's own deadline. */
        EXPLICIT,
        /** The catalogue limit applied at dispatch time. */
        CATALOGUE,
        /** A POSTPONED before the disposal. */
        POSTPONED,
        /** A REWORK with a new deadline. */
        REWORK,
        /** A RESUMED, moving the deadline later by the suspended duration. */
        RESUMED
    }
}
