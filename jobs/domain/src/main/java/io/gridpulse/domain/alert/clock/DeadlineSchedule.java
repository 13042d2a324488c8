package io.gridpulse.domain.alert.clock;

import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.DeadlineChange;
import io.gridpulse.domain.workflow.Dispatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When a case's deadlines may raise alerts (issue #4, items 1 and 2; docs/alerts.md). Pure and
 * stateless; thread-safe.
 *
 * <h2>Candidates ({@link #items})</h2>
 *
 * For every dispatch and every deadline it has had (each {@link DeadlineChange}, so a POSTPONED, a
 * REWORK with a deadline and a RESUMED each rearm it):
 *
 * <ul>
 *   <li><b>OVERDUE</b> at {@code max(deadline, setAt)}: the deadline itself, or the time of the
 *       change when the new deadline is already past then (a RESUMED moving a long-passed deadline
 *       later by the pause still leaves it before the RESUMED). And at each REWORK of the dispatch
 *       after the deadline: a REWORK reopens a disposed dispatch whose deadline has passed.
 *   <li><b>OVERDUE_WARNING</b> at {@code start + floor(s x (deadline - start))} (natural time,
 *       milliseconds), only when that instant is after {@code setAt}, the event that set the
 *       deadline. For a deadline moved by RESUMED, the deadline is the moved one ({@code deadline +
 *       paused}) and {@code setAt} is the RESUMED.
 * </ul>
 *
 * <h2>Whether a candidate fires ({@link #holds})</h2>
 *
 * Checked against the case's state replayed as of the candidate's instant (events at that instant
 * included, so a DISPOSED exactly at the deadline is on time and prevents the OVERDUE):
 *
 * <ul>
 *   <li>OVERDUE: the dispatch is open (not ended), not disposed, not suspended, and the deadline in
 *       force is the candidate's. At most one OVERDUE per (dispatch, deadline): the caller fires
 *       the earliest candidate that holds and skips the later ones of the same {@link
 *       DeadlineItem#alertId()} (a REWORK after an OVERDUE of the same deadline is not alerted
 *       again).
 *   <li>OVERDUE_WARNING: the dispatch is open, not disposed, and the deadline in force is the
 *       candidate's (a warning about a deadline already replaced would mislead). A suspension does
 *       not stop it: the issue asks only "still open and not disposed".
 * </ul>
 */
public final class DeadlineSchedule {

    /** The default share s of the time to the deadline after which the warning fires. */
    public static final double DEFAULT_WARNING_SHARE = 0.8;

    private static final Comparator<DeadlineItem> ORDER = Comparator.comparingLong(DeadlineItem::instant)
            .thenComparing(DeadlineItem::kind)
            .thenComparing(DeadlineItem::dispatchId)
            .thenComparingLong(DeadlineItem::deadline);

    private DeadlineSchedule() {}

    /**
     * Every candidate of the case, in (instant, kind, dispatch, deadline) order, without repeats.
     *
     * @param complete the case's state replayed with every known event ({@code asOf} at the end of
     *     time), so every deadline the dispatches have had is listed
     * @param events the case's events in the contract's order (to find the REWORKs)
     * @param share s, in (0, 1]
     */
    public static List<DeadlineItem> items(CaseState complete, List<CaseEvent> events, double share) {
        checkShare(share);
        Set<DeadlineItem> items = new LinkedHashSet<>();
        for (Dispatch d : complete.dispatches()) {
            List<Long> reworks = reworksOf(d, events);
            for (DeadlineChange c : d.deadlineChanges()) {
                long deadline = c.deadline();
                items.add(item(AlertType.OVERDUE, d, c, Math.max(deadline, c.time())));
                for (long r : reworks) {
                    if (r > deadline && r >= c.time()) {
                        items.add(item(AlertType.OVERDUE, d, c, r));
                    }
                }
                long warning = warningInstant(d.start(), deadline, share);
                if (warning > c.time()) {
                    items.add(item(AlertType.OVERDUE_WARNING, d, c, warning));
                }
            }
        }
        List<DeadlineItem> list = new ArrayList<>(items);
        list.sort(ORDER);
        return list;
    }

    /** {@code start + floor(share x (deadline - start))}. */
    public static long warningInstant(long start, long deadline, double share) {
        return start + (long) Math.floor(share * (double) (deadline - start));
    }

    /** Whether the candidate fires, given the case's state replayed as of {@code item.instant()}. */
    public static boolean holds(DeadlineItem item, CaseState atInstant) {
        if (atInstant.asOf() != item.instant()) {
            throw new IllegalArgumentException(
                    "the state stands at " + atInstant.asOf() + ", the item at " + item.instant());
        }
        for (Dispatch d : atInstant.dispatches()) {
            if (d.dispatchId().equals(item.dispatchId())) {
                boolean inForce = d.open() && !d.disposed() && d.deadline() != null && d.deadline() == item.deadline();
                return item.kind() == AlertType.OVERDUE
                        ? inForce && !d.suspended() && item.deadline() <= item.instant()
                        : inForce;
            }
        }
        return false;
    }

    static void checkShare(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the warning share must be in (0, 1], got " + share);
        }
    }

    /** Times of the REWORKs applied to the dispatch: those while it was open. */
    private static List<Long> reworksOf(Dispatch d, List<CaseEvent> events) {
        List<Long> times = new ArrayList<>(2);
        if (d.reworkCount() == 0) {
            return times;
        }
        for (CaseEvent e : events) {
            if (e.type() == CaseEventType.REWORK
                    && e.time() >= d.start()
                    && (d.endTime() == null || e.time() <= d.endTime())) {
                times.add(e.time());
            }
        }
        return times;
    }

    private static DeadlineItem item(AlertType kind, Dispatch d, DeadlineChange c, long instant) {
        return new DeadlineItem(
                kind, d.dispatchId(), d.department(), d.start(), c.deadline(), instant, c.time(), c.cause());
    }
}
