package io.gridpulse.domain.workflow;

import io.gridpulse.domain.calendar.TimeLimit;
import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays a case's events into its state as of a moment: a pure function of the set of events
 * (through {@link CaseTimeline}, whose order is total), so the result never depends on the order
 * or the number of times the events arrived. Stateless and thread-safe.
 *
 * <h2>Rules (contracts.md, "Case events" and "Dispatches")</h2>
 *
 * Events are taken in the contract's order (time, then type in declaration order of {@link
 * CaseEventType}, then eventId); events after {@code asOf} are left out entirely.
 *
 * <ol>
 *   <li><b>Report.</b> The earliest REPORTED (time {@code <= asOf}) gives reportedAt, source,
 *       category, location and inspector; later REPORTED events are ignored, and a REPORTED sets
 *       the status only when no other event has set one.
 *   <li><b>Dispatch.</b> Each DISPATCHED starts a dispatch (id = its eventId) to its department
 *       and ends the one open before it (REDISPATCHED). A dispatch also ends on a RETURNED by its
 *       own department (RETURNED), and on CLOSED or CANCELLED. At most one dispatch is open.
 *   <li><b>A RETURNED naming another department</b> than that of the open dispatch (or none) is
 *       ignored: it cannot be about the open dispatch, so it must not end it. In particular a
 *       RETURNED and a redispatch at the same instant sort DISPATCHED first; the returned dispatch
 *       then ends as REDISPATCHED and the RETURNED, naming the old department, leaves the new one
 *       open.
 *   <li><b>Events about a dispatch</b> (DISPOSED, REWORK, POSTPONED, SUSPENDED, RESUMED) belong
 *       to the dispatch open at their time; with none open they are ignored by the dispatches (they
 *       stay in the raw tables).
 *   <li><b>Deadline.</b> The DISPATCHED event's {@code deadline} (EXPLICIT); else the dispatch
 *       time plus the category's limit under the calendar (CATALOGUE), once the earliest REPORTED
 *       with a category is among the events, whatever their times and arrival order; else unknown
 *       (null). POSTPONED sets its deadline; REWORK sets its deadline when it has one and leaves
 *       the deadline unchanged otherwise.
 *   <li><b>Suspension</b> (挂账). SUSPENDED pauses the open dispatch (a second SUSPENDED while
 *       paused changes nothing); RESUMED ends the pause and moves the deadline in force later by
 *       the whole paused duration, whatever set that deadline (a POSTPONED during a pause is moved
 *       too: the contract moves the deadline in force at RESUMED). A RESUMED without a pause is
 *       ignored. A dispatch that ends while paused is not shifted; its pause counts in {@code
 *       totalSuspendedMillis} up to its end. A dispatch paused at {@code asOf} is not overdue and
 *       not due. The deadline in force during a pause is the unshifted one (the contract moves it
 *       on RESUMED only), so a disposal during a pause is judged against it.
 *   <li><b>Disposal and rework.</b> DISPOSED makes the dispatch disposed, at that time, against
 *       the deadline in force then; a later DISPOSED (no REWORK between) moves the disposal time to
 *       it. REWORK (返工) voids the disposal: the dispatch is not disposed until a later DISPOSED.
 *       A REWORK before any DISPOSED still counts as rework.
 *   <li><b>Postponement after disposal.</b> A POSTPONED while the dispatch is disposed changes
 *       nothing and is not counted; after a REWORK it counts again.
 *   <li><b>On time</b>: disposed and {@code disposedAt <= deadlineAtDisposal}; null when not
 *       disposed or the deadline is unknown. <b>Overdue at t</b>: see {@link
 *       Dispatch#overdueAt(long)}.
 *   <li><b>Case status</b> follows the last event that sets one: VERIFIED, REGISTERED,
 *       DISPATCHED, DISPOSED, CHECKED, CLOSED, CANCELLED set their own; REWORK sets DISPATCHED and
 *       an effective RETURNED sets REGISTERED; DISPOSED, REWORK and RETURNED set nothing when
 *       ignored; POSTPONED, SUPERVISED, SUSPENDED, RESUMED set nothing. While the case is parked
 *       the status shows SUSPENDED: from a SUSPENDED (with or without an open dispatch) until a
 *       RESUMED, DISPATCHED, CLOSED or CANCELLED; a SUSPENDED while the case is CLOSED or CANCELLED
 *       does not park it. Events after a CLOSED or CANCELLED are replayed
 *       like any other (a case reopened by a DISPATCHED gets a new dispatch); closedAt and
 *       cancelledAt keep the first such event.
 * </ol>
 */
public final class CaseStateMachine {

    private CaseStateMachine() {}

    /**
     * The state of the timeline's case as of {@code asOf} (epoch milliseconds).
     *
     * @throws IllegalStateException when the calendar cannot place a catalogue deadline (see {@link
     *     WorkCalendar#deadline})
     */
    public static CaseState replay(CaseTimeline timeline, CategoryLimits limits, WorkCalendar calendar, long asOf) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(calendar, "calendar");
        List<CaseEvent> events = timeline.events();
        CaseEvent report = null;
        for (CaseEvent e : events) {
            if (e.time() > asOf) {
                break;
            }
            if (e.type() == CaseEventType.REPORTED) {
                report = e;
                break;
            }
        }
        TimeLimit limit = report == null || report.categoryCode() == null
                ? null
                : limits.limitOf(report.categoryCode()).orElse(null);

        Replay r = new Replay();
        for (CaseEvent e : events) {
            if (e.time() > asOf) {
                break;
            }
            r.apply(e, report, limit, calendar);
        }
        List<Dispatch> dispatches = new ArrayList<>(r.dispatches.size());
        int returns = 0;
        for (DispatchBuilder b : r.dispatches) {
            Dispatch d = b.build(asOf);
            dispatches.add(d);
            if (d.returned()) {
                returns++;
            }
        }
        return new CaseState(
                timeline.caseId(),
                asOf,
                report == null ? null : report.time(),
                report == null ? null : report.source(),
                report == null ? null : report.categoryCode(),
                report == null ? null : report.lon(),
                report == null ? null : report.lat(),
                report == null ? null : report.crs(),
                report == null ? null : report.inspectorId(),
                r.verifiedAt,
                r.registeredAt,
                r.firstDispatchedAt,
                r.checkedAt,
                r.closedAt,
                r.cancelledAt,
                r.suspended,
                r.suspended ? CaseStatus.SUSPENDED : r.status,
                dispatches.size(),
                returns,
                r.supervised,
                r.lastEventTime,
                dispatches);
    }

    /** The running values of one replay. */
    private static final class Replay {
        Long verifiedAt;
        Long registeredAt;
        Long firstDispatchedAt;
        Long checkedAt;
        Long closedAt;
        Long cancelledAt;
        Long lastEventTime;
        boolean suspended;
        CaseStatus status;
        int supervised;
        final List<DispatchBuilder> dispatches = new ArrayList<>();
        DispatchBuilder open;

        void apply(CaseEvent e, CaseEvent report, TimeLimit limit, WorkCalendar calendar) {
            long t = e.time();
            lastEventTime = t;
            switch (e.type()) {
                case REPORTED -> {
                    if (e == report && status == null) {
                        status = CaseStatus.REPORTED;
                    }
                }
                case VERIFIED -> {
                    verifiedAt = first(verifiedAt, t);
                    status = CaseStatus.VERIFIED;
                }
                case REGISTERED -> {
                    registeredAt = first(registeredAt, t);
                    status = CaseStatus.REGISTERED;
                }
                case DISPATCHED -> {
                    endOpen(t, DispatchEnd.REDISPATCHED);
                    open = DispatchBuilder.start(e, limit, calendar);
                    dispatches.add(open);
                    firstDispatchedAt = first(firstDispatchedAt, t);
                    status = CaseStatus.DISPATCHED;
                    suspended = false;
                }
                case DISPOSED -> {
                    if (open != null) {
                        open.dispose(t);
                        status = CaseStatus.DISPOSED;
                    }
                }
                case CHECKED -> {
                    checkedAt = t;
                    status = CaseStatus.CHECKED;
                }
                case REWORK -> {
                    if (open != null) {
                        open.rework(t, e.deadline());
                        status = CaseStatus.DISPATCHED;
                    }
                }
                case RETURNED -> {
                    if (open != null && e.department() != null && e.department().equals(open.department)) {
                        endOpen(t, DispatchEnd.RETURNED);
                        status = CaseStatus.REGISTERED;
                    }
                }
                case POSTPONED -> {
                    if (open != null) {
                        open.postpone(t, e.deadline());
                    }
                }
                case SUPERVISED -> supervised++;
                case SUSPENDED -> {
                    // a closed or cancelled case cannot be parked; a stray SUSPENDED must not hide that
                    suspended = status != CaseStatus.CLOSED && status != CaseStatus.CANCELLED;
                    if (open != null) {
                        open.suspend(t);
                    }
                }
                case RESUMED -> {
                    suspended = false;
                    if (open != null) {
                        open.resume(t);
                    }
                }
                case CLOSED -> {
                    endOpen(t, DispatchEnd.CLOSED);
                    closedAt = first(closedAt, t);
                    status = CaseStatus.CLOSED;
                    suspended = false;
                }
                case CANCELLED -> {
                    endOpen(t, DispatchEnd.CANCELLED);
                    cancelledAt = first(cancelledAt, t);
                    status = CaseStatus.CANCELLED;
                    suspended = false;
                }
            }
        }

        private void endOpen(long t, DispatchEnd reason) {
            if (open != null) {
                open.end(t, reason);
                open = null;
            }
        }

        private static Long first(Long current, long t) {
            return current == null ? t : current;
        }
    }
}
