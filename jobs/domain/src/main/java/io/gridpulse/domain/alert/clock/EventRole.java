package io.gridpulse.domain.alert.clock;

import io.gridpulse.domain.model.CaseEvent;

/**
 * What one case event means for escalation alerts: the dispatch it belongs to and the dispatch it
 * ends. Immutable.
 *
 * @param event the event
 * @param dispatchId the dispatch open at the event (before it is applied); for a DISPATCHED, the
 *     dispatch it starts (its own eventId). Null when none is open.
 * @param department that dispatch's department; null when none
 * @param applies the event acts on that dispatch: a REWORK with a dispatch open, a RETURNED by the
 *     open dispatch's own department (one naming another department is ignored), a DISPATCHED
 * @param endsDispatchId the dispatch this event ends (a DISPATCHED ends the one open before it, an
 *     applying RETURNED, a CLOSED or a CANCELLED the open one); null when it ends none
 */
public record EventRole(
        CaseEvent event, String dispatchId, String department, boolean applies, String endsDispatchId) {}
