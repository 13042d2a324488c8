package io.gridpulse.domain.alert.clock;

import io.gridpulse.domain.model.CaseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Which dispatch each event of a case belongs to, following {@link
 * io.gridpulse.domain.workflow.CaseStateMachine}'s rules 2 to 4 (dispatch, RETURNED, events about a
 * dispatch) in one pass: the state machine reports dispatches, not which event touched which, and
 * the escalation patterns are keyed by dispatch. EventRolesTest checks the two agree. Stateless.
 */
public final class EventRoles {

    private EventRoles() {}

    /** One role per event, for events in the contract's order (a {@code CaseTimeline}'s list). */
    public static List<EventRole> of(List<CaseEvent> ordered) {
        List<EventRole> roles = new ArrayList<>(ordered.size());
        String open = null;
        String openDepartment = null;
        for (CaseEvent e : ordered) {
            switch (e.type()) {
                case DISPATCHED -> {
                    roles.add(new EventRole(e, e.eventId(), e.department(), true, open));
                    open = e.eventId();
                    openDepartment = e.department();
                }
                case RETURNED -> {
                    boolean applies = open != null
                            && e.department() != null
                            && e.department().equals(openDepartment);
                    roles.add(new EventRole(e, open, openDepartment, applies, applies ? open : null));
                    if (applies) {
                        open = null;
                        openDepartment = null;
                    }
                }
                case CLOSED, CANCELLED -> {
                    roles.add(new EventRole(e, open, openDepartment, open != null, open));
                    open = null;
                    openDepartment = null;
                }
                default -> roles.add(new EventRole(e, open, openDepartment, open != null, null));
            }
        }
        return roles;
    }
}
