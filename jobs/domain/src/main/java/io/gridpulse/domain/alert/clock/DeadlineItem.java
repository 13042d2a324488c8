package io.gridpulse.domain.alert.clock;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.workflow.DeadlineChange;

/**
 * One instant at which a dispatch's deadline may raise an alert: a candidate, checked against the
 * case's state at {@code instant} by {@link DeadlineSchedule#holds}. Times are epoch milliseconds.
 * Immutable.
 *
 * @param kind OVERDUE_WARNING (超期预警) or OVERDUE (超期)
 * @param dispatchId the dispatch (eventId of its DISPATCHED)
 * @param department the department the dispatch went to
 * @param start the dispatch's start (its DISPATCHED time)
 * @param deadline the deadline this candidate is about
 * @param instant when the alert would fire
 * @param setAt when the deadline was set (dispatch start, or the POSTPONED, REWORK or RESUMED)
 * @param cause what set the deadline
 */
public record DeadlineItem(
        AlertType kind,
        String dispatchId,
        String department,
        long start,
        long deadline,
        long instant,
        long setAt,
        DeadlineChange.Cause cause) {

    public DeadlineItem {
        if (kind != AlertType.OVERDUE && kind != AlertType.OVERDUE_WARNING) {
            throw new IllegalArgumentException("a deadline item is an OVERDUE or an OVERDUE_WARNING, not " + kind);
        }
    }

    /** The alert's id: one per (type, dispatch, deadline), whatever the instant. */
    public String alertId() {
        return Alert.id(kind, dispatchId, deadline);
    }
}
