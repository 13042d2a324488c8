package io.gridpulse.domain.model;

/**
 * The types of case events. The declaration order is the contract's tie-break order for events
 * of one case at the same instant (then eventId), so {@link #ordinal()} is meaningful.
 */
public enum CaseEventType {
    REPORTED,
    VERIFIED,
    REGISTERED,
    DISPATCHED,
    DISPOSED,
    CHECKED,
    REWORK,
    RETURNED,
    POSTPONED,
    SUPERVISED,
    SUSPENDED,
    RESUMED,
    CLOSED,
    CANCELLED
}
