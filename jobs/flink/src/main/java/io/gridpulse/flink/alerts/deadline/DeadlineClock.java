package io.gridpulse.flink.alerts.deadline;

import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.alert.clock.DeadlineItem;
import io.gridpulse.domain.alert.clock.DeadlineSchedule;
import io.gridpulse.domain.alert.clock.EventRole;
import io.gridpulse.domain.alert.clock.EventRoles;
import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.reference.Category;
import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.CaseStateMachine;
import io.gridpulse.domain.workflow.CaseStatus;
import io.gridpulse.domain.workflow.CaseTimeline;
import io.gridpulse.domain.workflow.CategoryLimits;
import io.gridpulse.domain.workflow.Dispatch;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The deadline clock (超期时钟), keyed by caseId: keeps the case's events, and at each instant that
 * matters (each event's time, each candidate of {@link DeadlineSchedule}) emits {@link ClockSignal}s
 * for the CEP patterns: event signals in their dispatch's context, and ticks carrying the dispatch's
 * state at the tick's instant. The patterns, not the clock, decide which ticks are alerts.
 *
 * <h2>Time</h2>
 *
 * <ul>
 *   <li><b>Bounded</b> ({@code process}): event-time timers at the instants themselves, only for
 *       instants {@code <= asOf}. When the watermark passes an instant every event up to it has
 *       arrived, so the state replayed as of the instant is that of the complete input. The final
 *       watermark (end of input) fires no instant after the as-of time: none was registered.
 *   <li><b>Live</b>: processing-time timers at instant + grace, so deadlines fire when the wall clock
 *       passes them even when the feed is quiet (an event-time timer would wait for the next event).
 *       The state is replayed as of the instant with the events known by then; what fired is never
 *       withdrawn, and an event arriving after its instant is signalled at once.
 * </ul>
 *
 * <h2>State and its end</h2>
 *
 * The events (a case has about 5-30), the grid of each REPORTED, and a set of what was signalled or
 * fired (one entry per event and per deadline candidate). A case CLOSED or CANCELLED is forgotten at
 * its last event + retention (live), or at the end of the input ({@code process}): every state entry
 * and every timer of the key goes, and a CASE_FORGOTTEN signal lets the case-keyed patterns drop
 * theirs. A case that never ends is kept: it is a live case. An event arriving after its case was
 * forgotten starts a new, partial history (the same holds for the workflow's other jobs).
 */
public final class DeadlineClock extends KeyedProcessFunction<String, CaseEventRow, ClockSignal> {

    private static final String OPENED = "opened";

    private final ReferenceData reference;
    private final AlertSettings alerts;
    private final boolean live;
    private final long asOf;

    private transient ListState<CaseEvent> events;
    private transient MapState<String, String> reportGrids;
    private transient MapState<String, Boolean> done;
    private transient CategoryLimits limits;
    private transient WorkCalendar calendar;

    public DeadlineClock(ReferenceData reference, AlertSettings alerts, boolean live, long asOf) {
        this.reference = reference;
        this.alerts = alerts;
        this.live = live;
        this.asOf = live ? Long.MAX_VALUE : asOf;
    }

    @Override
    public void open(OpenContext ctx) {
        events = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("events", TypeInformation.of(CaseEvent.class)));
        reportGrids =
                getRuntimeContext().getMapState(new MapStateDescriptor<>("report-grids", Types.STRING, Types.STRING));
        done = getRuntimeContext().getMapState(new MapStateDescriptor<>("done", Types.STRING, Types.BOOLEAN));
        var catalog = reference.catalog();
        limits = code -> code == null
                ? java.util.Optional.empty()
                : catalog.category(code).map(Category::limit);
        calendar = reference.calendar();
    }

    @Override
    public void processElement(CaseEventRow row, Context ctx, Collector<ClockSignal> out) throws Exception {
        CaseEvent e = row.event();
        if (e.time() > asOf) {
            return; // the pipeline's front already leaves these out; a guard for direct use
        }
        CaseTimeline timeline = timeline();
        // Upstream deduplication rejects conflicting copies; a redelivery changes nothing here.
        if (timeline.add(e) != CaseTimeline.AddResult.ADDED) {
            return;
        }
        events.add(e);
        if (e.type() == CaseEventType.REPORTED && row.located() != null) {
            reportGrids.put(
                    e.eventId(),
                    row.located().gridCode() == null ? "" : row.located().gridCode());
        }
        CaseState complete = replay(timeline, Long.MAX_VALUE);
        for (CaseEvent ev : timeline.events()) {
            if (!done.contains(eventKey(ev))) {
                arm(ctx, ev.time());
            }
        }
        for (DeadlineItem item : DeadlineSchedule.items(complete, timeline.events(), alerts.warningShare())) {
            if (!done.contains(item.alertId())) {
                arm(ctx, item.instant());
            }
        }
        Long end = endOf(complete);
        if (end != null) {
            long at = forgetAt(end);
            if (live) {
                ctx.timerService().registerProcessingTimeTimer(at);
            } else {
                ctx.timerService().registerEventTimeTimer(at);
            }
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<ClockSignal> out) throws Exception {
        long limit = ctx.timeDomain() == TimeDomain.PROCESSING_TIME
                ? ts - alerts.grace().toMillis()
                : Math.min(ts, asOf);
        CaseTimeline timeline = timeline();
        if (timeline.isEmpty()) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        CaseState complete = replay(timeline, Long.MAX_VALUE);
        Firing c = new Firing(timeline.caseId(), complete.categoryCode(), grid(timeline), now);
        emitEvents(timeline, limit, c, out);
        emitTicks(timeline, complete, limit, c, out);
        Long end = endOf(complete);
        if (end != null && ts >= forgetAt(end)) {
            forget(timeline, complete, ctx, c, out);
        }
    }

    /** What every signal of one firing shares. */
    private record Firing(String caseId, String category, String grid, long now) {}

    private void emitEvents(CaseTimeline timeline, long limit, Firing c, Collector<ClockSignal> out) throws Exception {
        for (EventRole role : EventRoles.of(timeline.events())) {
            CaseEvent e = role.event();
            if (e.time() > limit || done.contains(eventKey(e))) {
                continue;
            }
            done.put(eventKey(e), true);
            if (!done.contains(OPENED)) {
                done.put(OPENED, true);
                out.collect(lifecycle(SignalKind.CASE_OPENED, c, e.time()));
            }
            if (role.endsDispatchId() != null) {
                out.collect(event(SignalKind.DISPATCH_ENDED, role.endsDispatchId(), role.department(), e, c));
            }
            SignalKind kind =
                    switch (e.type()) {
                        case DISPATCHED -> SignalKind.DISPATCHED;
                        case REWORK -> role.applies() ? SignalKind.REWORK : null;
                        case RETURNED -> role.applies() ? SignalKind.RETURNED : null;
                        case SUPERVISED -> SignalKind.SUPERVISED;
                        default -> null;
                    };
            if (kind != null) {
                out.collect(event(kind, role.dispatchId(), role.department(), e, c));
            }
        }
    }

    private void emitTicks(CaseTimeline timeline, CaseState complete, long limit, Firing c, Collector<ClockSignal> out)
            throws Exception {
        TreeMap<Long, List<DeadlineItem>> due = new TreeMap<>();
        for (DeadlineItem item : DeadlineSchedule.items(complete, timeline.events(), alerts.warningShare())) {
            if (item.instant() <= limit && !done.contains(item.alertId()) && !done.contains(candidateKey(item))) {
                due.computeIfAbsent(item.instant(), k -> new ArrayList<>()).add(item);
            }
        }
        for (var entry : due.entrySet()) {
            CaseState at = replay(timeline, entry.getKey());
            for (DeadlineItem item : entry.getValue()) {
                if (done.contains(item.alertId())) {
                    continue; // an earlier candidate of the same (dispatch, deadline) fired
                }
                boolean holds = DeadlineSchedule.holds(item, at);
                // A warning has one instant; an OVERDUE may have later candidates (REWORKs).
                done.put(holds || item.kind() == AlertType.OVERDUE_WARNING ? item.alertId() : candidateKey(item), true);
                out.collect(tick(item, dispatchOf(at, item.dispatchId()), c));
            }
        }
    }

    /** Emits CASE_FORGOTTEN, deletes the key's remaining timers and clears its state. */
    private void forget(
            CaseTimeline timeline, CaseState complete, OnTimerContext ctx, Firing c, Collector<ClockSignal> out)
            throws Exception {
        out.collect(lifecycle(SignalKind.CASE_FORGOTTEN, c, complete.lastEventTime()));
        for (CaseEvent e : timeline.events()) {
            disarm(ctx, e.time());
        }
        for (DeadlineItem item : DeadlineSchedule.items(complete, timeline.events(), alerts.warningShare())) {
            disarm(ctx, item.instant());
        }
        events.clear();
        reportGrids.clear();
        done.clear();
    }

    private void arm(Context ctx, long instant) {
        if (live) {
            ctx.timerService()
                    .registerProcessingTimeTimer(instant + alerts.grace().toMillis());
        } else if (instant <= asOf) {
            ctx.timerService().registerEventTimeTimer(instant);
        }
    }

    private void disarm(OnTimerContext ctx, long instant) {
        if (live) {
            ctx.timerService()
                    .deleteProcessingTimeTimer(instant + alerts.grace().toMillis());
        } else {
            ctx.timerService().deleteEventTimeTimer(instant);
        }
    }

    /** Live: the last event + retention; bounded: after the as-of time, so at the end of the input. */
    private long forgetAt(long end) {
        long at = end + alerts.retention().toMillis();
        return live ? at + alerts.grace().toMillis() : Math.max(at, asOf + 1);
    }

    /** The time of the case's last event when it is CLOSED or CANCELLED; null while it goes on. */
    private static Long endOf(CaseState complete) {
        return complete.status() == CaseStatus.CLOSED || complete.status() == CaseStatus.CANCELLED
                ? complete.lastEventTime()
                : null;
    }

    private CaseTimeline timeline() throws Exception {
        CaseTimeline t = new CaseTimeline();
        Iterable<CaseEvent> stored = events.get();
        if (stored != null) {
            for (CaseEvent e : stored) {
                t.add(e);
            }
        }
        return t;
    }

    private CaseState replay(CaseTimeline t, long at) {
        return CaseStateMachine.replay(t, limits, calendar, at);
    }

    private String grid(CaseTimeline t) throws Exception {
        for (CaseEvent e : t.events()) {
            if (e.type() == CaseEventType.REPORTED) {
                return reportGrids.get(e.eventId());
            }
        }
        return null;
    }

    private static Dispatch dispatchOf(CaseState s, String dispatchId) {
        for (Dispatch d : s.dispatches()) {
            if (d.dispatchId().equals(dispatchId)) {
                return d;
            }
        }
        return null;
    }

    private static String eventKey(CaseEvent e) {
        return "e:" + e.eventId();
    }

    private static String candidateKey(DeadlineItem item) {
        return "c:" + item.alertId() + "@" + item.instant();
    }

    private static ClockSignal lifecycle(SignalKind kind, Firing c, long time) {
        return new ClockSignal(
                kind,
                c.caseId,
                null,
                null,
                0,
                time,
                c.now,
                null,
                c.category,
                c.grid,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                null);
    }

    private static ClockSignal event(SignalKind kind, String dispatchId, String department, CaseEvent e, Firing c) {
        return new ClockSignal(
                kind,
                c.caseId,
                dispatchId,
                e.eventId(),
                e.type().ordinal(),
                e.time(),
                c.now,
                department,
                c.category,
                c.grid,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                null);
    }

    private static ClockSignal tick(DeadlineItem item, Dispatch at, Firing c) {
        return new ClockSignal(
                item.kind() == AlertType.OVERDUE ? SignalKind.OVERDUE_DUE : SignalKind.WARNING_DUE,
                c.caseId,
                item.dispatchId(),
                null,
                0,
                item.instant(),
                c.now,
                item.department(),
                c.category,
                c.grid,
                item.start(),
                item.deadline(),
                item.setAt(),
                item.cause().name(),
                at != null && at.open(),
                at != null && at.disposed(),
                at != null && at.suspended(),
                at == null ? null : at.deadline());
    }
}
