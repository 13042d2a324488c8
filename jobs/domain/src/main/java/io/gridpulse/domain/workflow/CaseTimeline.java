package io.gridpulse.domain.workflow;

import io.gridpulse.domain.model.CaseEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The distinct events of one case, kept in the contract's order: time, then the declaration order
 * of {@link io.gridpulse.domain.model.CaseEventType}, then eventId. Because the order is total and
 * redeliveries are dropped, the list depends only on the set of events added, never on the order
 * they arrived in.
 *
 * <p>Identity is the eventId: a second copy equal to the first in every field is a redelivery and
 * is not added again; a second copy that differs is a conflict, the copy added first is kept and
 * {@link #add} says so, for the caller to reject the newcomer (DUPLICATE_CONFLICT).
 *
 * <p>A plain list of {@link CaseEvent} (a case has about 5-30), cheap to copy and to store in Flink
 * state as a list. Mutable and not thread-safe: one per case, owned by one task.
 */
public final class CaseTimeline {

    /** The contract's order of a case's events. */
    public static final Comparator<CaseEvent> ORDER = Comparator.comparingLong(CaseEvent::time)
            .thenComparing(CaseEvent::type)
            .thenComparing(CaseEvent::eventId);

    /** What {@link #add} did with an event. */
    public enum AddResult {
        /** A new eventId: added. */
        ADDED,
        /** The same eventId with the same payload: already there, counted once. */
        REDELIVERED,
        /** The same eventId with a different payload: the earlier copy is kept, this one is not. */
        CONFLICT
    }

    private final ArrayList<CaseEvent> events;

    public CaseTimeline() {
        this.events = new ArrayList<>();
    }

    private CaseTimeline(ArrayList<CaseEvent> events) {
        this.events = events;
    }

    /**
     * A timeline of the given events, e.g. restored from state.
     *
     * @throws IllegalArgumentException on a conflict or events of different cases
     */
    public static CaseTimeline of(Collection<CaseEvent> events) {
        CaseTimeline t = new CaseTimeline();
        for (CaseEvent e : events) {
            if (t.add(e) == AddResult.CONFLICT) {
                throw new IllegalArgumentException("conflicting copies of event " + e.eventId());
            }
        }
        return t;
    }

    /**
     * A timeline of one case's events already in the contract's order with distinct eventIds, as
     * a timeline's own {@link #events()} were when stored: taken as they are after one pass that checks the
     * order (the costly part of {@link #add}, finding the event's place and comparing its eventId
     * with every other, is skipped); events out of order are added one by one instead.
     */
    public static CaseTimeline ofOrdered(List<CaseEvent> events) {
        ArrayList<CaseEvent> list = new ArrayList<>(events);
        for (int i = 1; i < list.size(); i++) {
            if (ORDER.compare(list.get(i - 1), list.get(i)) >= 0) {
                CaseTimeline t = new CaseTimeline();
                for (CaseEvent e : events) {
                    t.add(e);
                }
                return t;
            }
        }
        return new CaseTimeline(list);
    }

    /**
     * Adds an event in its place.
     *
     * @throws IllegalArgumentException when the event belongs to another case than those already held
     */
    public AddResult add(CaseEvent event) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.eventId(), "eventId");
        Objects.requireNonNull(event.type(), "type");
        if (!events.isEmpty() && !Objects.equals(events.get(0).caseId(), event.caseId())) {
            throw new IllegalArgumentException("event " + event.eventId() + " of case " + event.caseId()
                    + " added to the timeline of case " + events.get(0).caseId());
        }
        for (CaseEvent e : events) {
            if (e.eventId().equals(event.eventId())) {
                return e.equals(event) ? AddResult.REDELIVERED : AddResult.CONFLICT;
            }
        }
        int at = Collections.binarySearch(events, event, ORDER);
        // distinct eventIds make the order total, so the event is never found
        events.add(-at - 1, event);
        return AddResult.ADDED;
    }

    /** The events in the contract's order; a read-only view. */
    public List<CaseEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The case number; null while empty. */
    public String caseId() {
        return events.isEmpty() ? null : events.get(0).caseId();
    }

    /** An independent copy (events are immutable records and are shared). */
    public CaseTimeline copy() {
        return new CaseTimeline(new ArrayList<>(events));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseTimeline other && events.equals(other.events);
    }

    @Override
    public int hashCode() {
        return events.hashCode();
    }

    @Override
    public String toString() {
        return "CaseTimeline[" + caseId() + ", " + events.size() + " events]";
    }
}
