package io.gridpulse.domain.workflow;

/** Where the deadline in force of a dispatch last came from. A RESUMED shifts it, keeping its source. */
public enum DeadlineSource {
    /** The DISPATCHED event's own {@code deadline}. */
    EXPLICIT,
    /** Dispatch time plus the category's time limit under the working calendar. */
    CATALOGUE,
    /** 延期: a POSTPONED event's new deadline. */
    POSTPONED,
    /** 返工: a REWORK event carrying a new deadline. */
    REWORK
}
