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
import io.gridpulse.domain.workflow.CaseEventPack;
import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.CaseStateMachine;
import io.gridpulse.domain.workflow.CaseStatus;
import io.gridpulse.domain.workflow.CaseTimeline;
import io.gridpulse.domain.workflow.CategoryLimits;
import io.gridpulse.domain.workflow.Dispatch;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.cases.workflow.CaseWorkflow;
import io.gridpulse.flink.common.ReferenceData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The deadline clock (超期时钟), keyed by caseId: keeps the case's events, and at each instant that
 * matters (each event's time, each candidate of {@link DeadlineSchedule}) emits {@link ClockSignal}s
 * for the CEP patterns: event signals in their dispatch's context, and ticks carrying the dispatch's
 * state at the tick's instant. The pattern's condition decides which ticks are alerts; the clock
 * sends only the ticks that {@link DeadlineSchedule#holds hold} (the same test), the rest could
 * never match.
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
 * The events (a case has about 5-30; kept without address, description and phone hash, which no
 * signal reads), the grid of each REPORTED, and a set of what was signalled or fired (one entry per
 * event and per deadline candidate). Live, a case CLOSED or CANCELLED is forgotten at its last event
 * + retention: every state entry and every timer of the key goes, and a CASE_FORGOTTEN signal lets
 * the case-keyed patterns drop theirs. A case that never ends is kept: it is a live case. An event
 * arriving after its case was forgotten starts a new, partial history (the same holds for the
 * workflow's other jobs).
 *
 * <p>Bounded ({@code process}), an ended case with nothing left to time settles: its events and
 * its done set are packed into two byte arrays until the run ends, and unpacked when an event
 * comes for it, so the clock behaves exactly as if they had stayed as they were. Its later
 * candidates are moot (every dispatch has ended), so their timers are deleted.
 * Nothing is forgotten before the input ends, and then the run ends
 * with its state: so no forget timer at all. One would fire after the as-of time, for every ended
 * case at once, at the end of the input: a replay that finds nothing left to signal (every instant
 * up to the as-of time had its own timer, each firing signals everything up to its instant) and a
 * CASE_FORGOTTEN that comes after every RETURNED, so cuts no match.
 */
public final class DeadlineClock extends KeyedProcessFunction<String, CaseEventRow, ClockSignal> {

    private static final String OPENED = "opened";

    /** Events whose instant needs a firing: they signal, or they may change a deadline or end a case. */
    private static final Set<CaseEventType> SCHEDULING = EnumSet.of(
            CaseEventType.REPORTED,
            CaseEventType.DISPATCHED,
            CaseEventType.REWORK,
            CaseEventType.POSTPONED,
            CaseEventType.RESUMED,
            CaseEventType.RETURNED,
            CaseEventType.SUPERVISED,
            CaseEventType.CLOSED,
            CaseEventType.CANCELLED);

    private final ReferenceData reference;
    private final AlertSettings alerts;
    private final boolean live;
    private final long asOf;

    private transient ListState<CaseEvent> events;
    private transient MapState<String, String> reportGrids;
    private transient MapState<String, Boolean> done;
    private transient ValueState<byte[]> settledEvents;
    private transient ValueState<byte[]> settledDone;
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
        settledEvents = getRuntimeContext().getState(settledEventsDescriptor());
        settledDone = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "settled-done", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
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
        boolean wasSettled = unsettle(e.caseId());
        CaseTimeline timeline = timeline();
        CaseEvent kept = CaseWorkflow.slim(e);
        // Upstream deduplication rejects conflicting copies; a redelivery changes nothing here.
        if (timeline.add(kept) != CaseTimeline.AddResult.ADDED) {
            if (wasSettled) {
                settle(timeline, new Done().keys);
            }
            return;
        }
        // stored in timeline order, so the next timeline() takes them as they are
        events.update(timeline.events());
        if (e.type() == CaseEventType.REPORTED && row.located() != null) {
            reportGrids.put(
                    e.eventId(),
                    row.located().gridCode() == null ? "" : row.located().gridCode());
        }
        // Scheduling waits for the event's own instant: by then (bounded mode) every earlier event
        // is in, and one replay serves all events of that instant. Events that neither signal nor
        // change a deadline (VERIFIED, REGISTERED, DISPOSED, CHECKED, SUSPENDED) need no timer: the
        // state at each instant is replayed from all events anyway.
        if (SCHEDULING.contains(e.type())) {
            arm(ctx, e.time());
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<ClockSignal> out) throws Exception {
        long limit = ctx.timeDomain() == TimeDomain.PROCESSING_TIME
                ? ts - alerts.grace().toMillis()
                : Math.min(ts, asOf);
        if (!live && settledEvents.value() != null) {
            // a settled case has nothing left to signal (see settle); no event came since, or it
            // would have been unsettled: leave it packed
            return;
        }
        CaseTimeline timeline = timeline();
        if (timeline.isEmpty()) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        CaseState complete = replay(timeline, Long.MAX_VALUE);
        Firing c = new Firing(timeline.caseId(), complete.categoryCode(), grid(timeline), now);
        List<DeadlineItem> items = DeadlineSchedule.items(complete, timeline.events(), alerts.warningShare());
        Done done = new Done();
        emitEvents(timeline, limit, c, done, out);
        emitTicks(timeline, complete, items, limit, c, done, out);
        done.store();
        Long end = endOf(complete);
        if (live && end != null && ts >= forgetAt(end)) {
            forget(timeline, items, complete, ctx, c, out);
            return;
        }
        boolean armed = false;
        for (DeadlineItem item : items) {
            if (item.instant() > limit && !endedBy(complete, item) && !done.has(firedKey(item))) {
                armed |= arm(ctx, item.instant());
            }
        }
        if (end != null && live) {
            ctx.timerService().registerProcessingTimeTimer(forgetAt(end));
        }
        if (!live
                && end != null
                && !armed
                && timeline.events().get(timeline.size() - 1).time() <= limit) {
            for (DeadlineItem item : items) {
                if (item.instant() > limit) {
                    // armed before the case ended, moot since (its dispatch has ended by then)
                    ctx.timerService().deleteEventTimeTimer(item.instant());
                }
            }
            settle(timeline, done.keys);
        }
    }

    /**
     * BOUNDED: an ended case with nothing left to time (every event and every candidate that can
     * still hold is at or before this firing) keeps its events and its done set packed, a few times
     * smaller, until the run ends or an event comes for it ({@link #unsettle}). Its later
     * candidates are moot (their dispatches have ended), so their timers are deleted; a timer that
     * still fires for it finds nothing to do.
     */
    private void settle(CaseTimeline timeline, Set<String> doneKeys) throws Exception {
        settledEvents.update(CaseEventPack.pack(timeline.events()));
        settledDone.update(packStrings(new ArrayList<>(doneKeys)));
        events.clear();
        done.clear();
    }

    /**
     * The done set of one firing, read from state once and written back once: each access to a
     * keyed state looks the key up in a table of every case, a cache miss on a year of cases.
     */
    private final class Done {
        final Set<String> keys = new HashSet<>();
        private final Map<String, Boolean> added = new HashMap<>();

        Done() throws Exception {
            for (String k : done.keys()) {
                keys.add(k);
            }
        }

        boolean has(String key) {
            return keys.contains(key);
        }

        void add(String key) {
            if (keys.add(key)) {
                added.put(key, true);
            }
        }

        void store() throws Exception {
            if (!added.isEmpty()) {
                done.putAll(added);
            }
        }
    }

    /**
     * Back to the working form, for an event of a settled case: the rest of the clock sees no
     * difference. True when the case was settled.
     */
    private boolean unsettle(String caseId) throws Exception {
        byte[] packed = settledEvents.value();
        if (packed == null) {
            return false;
        }
        events.update(CaseEventPack.unpack(packed, caseId));
        Map<String, Boolean> keys = new HashMap<>();
        for (String k : unpackStrings(settledDone.value())) {
            keys.put(k, true);
        }
        done.putAll(keys);
        settledEvents.clear();
        settledDone.clear();
        return true;
    }

    /** What every signal of one firing shares. */
    private record Firing(String caseId, String category, String grid, long now) {}

    private void emitEvents(CaseTimeline timeline, long limit, Firing c, Done done, Collector<ClockSignal> out) {
        for (EventRole role : EventRoles.of(timeline.events())) {
            CaseEvent e = role.event();
            SignalKind kind = signalOf(role);
            if ((kind == null && role.endsDispatchId() == null) || e.time() > limit || done.has(eventKey(e))) {
                continue;
            }
            done.add(eventKey(e));
            if (kind == SignalKind.RETURNED && !done.has(OPENED)) {
                // The anchor of the case-keyed pattern, only just before the first RETURNED it needs:
                // a case with no RETURNED (most) leaves no partial match in the CEP operator's state.
                // It sorts before the RETURNED (same time, rank 0), and nothing between them mattered.
                done.add(OPENED);
                out.collect(lifecycle(SignalKind.CASE_OPENED, c, e.time()));
            }
            if (role.endsDispatchId() != null) {
                out.collect(event(SignalKind.DISPATCH_ENDED, role.endsDispatchId(), role.department(), e, c));
            }
            if (kind != null) {
                out.collect(event(kind, role.dispatchId(), role.department(), e, c));
            }
        }
    }

    /** The event's own signal; null for events the patterns need only as a dispatch's end, or not at all. */
    private static SignalKind signalOf(EventRole role) {
        return switch (role.event().type()) {
            case DISPATCHED -> SignalKind.DISPATCHED;
            case REWORK -> role.applies() ? SignalKind.REWORK : null;
            case RETURNED -> role.applies() ? SignalKind.RETURNED : null;
            case SUPERVISED -> SignalKind.SUPERVISED;
            default -> null;
        };
    }

    private void emitTicks(
            CaseTimeline timeline,
            CaseState complete,
            List<DeadlineItem> items,
            long limit,
            Firing c,
            Done done,
            Collector<ClockSignal> out) {
        TreeMap<Long, List<DeadlineItem>> due = new TreeMap<>();
        for (DeadlineItem item : items) {
            if (item.instant() <= limit
                    && !endedBy(complete, item)
                    && !done.has(firedKey(item))
                    && !done.has(candidateKey(item))) {
                due.computeIfAbsent(item.instant(), k -> new ArrayList<>()).add(item);
            }
        }
        for (var entry : due.entrySet()) {
            CaseState at = replay(timeline, entry.getKey());
            for (DeadlineItem item : entry.getValue()) {
                if (done.has(firedKey(item))) {
                    continue; // an earlier candidate of the same (dispatch, deadline) fired
                }
                boolean holds = DeadlineSchedule.holds(item, at);
                // A warning has one instant; an OVERDUE may have later candidates (REWORKs).
                done.add(holds || item.kind() == AlertType.OVERDUE_WARNING ? firedKey(item) : candidateKey(item));
                if (holds) {
                    // a tick that does not hold carries a state the pattern's condition refuses
                    // (ClockSignal.overdue/warningDue test what holds tests): sending it is work for nothing
                    out.collect(tick(item, dispatchOf(at, item.dispatchId()), c));
                }
            }
        }
    }

    /** Emits CASE_FORGOTTEN, deletes the key's remaining timers and clears its state. */
    private void forget(
            CaseTimeline timeline,
            List<DeadlineItem> items,
            CaseState complete,
            OnTimerContext ctx,
            Firing c,
            Collector<ClockSignal> out)
            throws Exception {
        out.collect(lifecycle(SignalKind.CASE_FORGOTTEN, c, complete.lastEventTime()));
        for (CaseEvent e : timeline.events()) {
            disarm(ctx, e.time());
        }
        for (DeadlineItem item : items) {
            disarm(ctx, item.instant());
        }
        events.clear();
        reportGrids.clear();
        done.clear();
    }

    /** Sets a timer at the instant (bounded: only up to the as-of time); true when one was set. */
    private boolean arm(Context ctx, long instant) {
        if (live) {
            ctx.timerService()
                    .registerProcessingTimeTimer(instant + alerts.grace().toMillis());
            return true;
        } else if (instant <= asOf) {
            ctx.timerService().registerEventTimeTimer(instant);
            return true;
        }
        return false;
    }

    private void disarm(OnTimerContext ctx, long instant) {
        if (live) {
            ctx.timerService()
                    .deleteProcessingTimeTimer(instant + alerts.grace().toMillis());
        } else {
            ctx.timerService().deleteEventTimeTimer(instant);
        }
    }

    /** Live: the last event + retention (+ grace). */
    private long forgetAt(long end) {
        return end + alerts.retention().toMillis() + alerts.grace().toMillis();
    }

    /** The time of the case's last event when it is CLOSED or CANCELLED; null while it goes on. */
    private static Long endOf(CaseState complete) {
        return complete.status() == CaseStatus.CLOSED || complete.status() == CaseStatus.CANCELLED
                ? complete.lastEventTime()
                : null;
    }

    private CaseTimeline timeline() throws Exception {
        Iterable<CaseEvent> stored = events.get();
        if (stored == null) {
            return new CaseTimeline();
        }
        if (stored instanceof List<CaseEvent> list) {
            return CaseTimeline.ofOrdered(list);
        }
        List<CaseEvent> list = new ArrayList<>();
        stored.forEach(list::add);
        return CaseTimeline.ofOrdered(list);
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

    /**
     * Whether the item's dispatch has ended at or before the item's instant, so the item cannot
     * hold (a candidate needs its dispatch open). Safe on the state of the events known so far:
     * an event added later cannot undo an end, only bring it earlier (a DISPATCHED, a RETURNED of
     * the dispatch's department, a CLOSED or a CANCELLED before it ends the dispatch sooner), and
     * events after the end do not touch the dispatch. Such an item is neither timed nor replayed;
     * skipping it leaves the others alone (its alertId is its own: one warning instant per
     * deadline, and an OVERDUE candidate that does not hold marks only itself).
     */
    private static boolean endedBy(CaseState complete, DeadlineItem item) {
        Dispatch d = dispatchOf(complete, item.dispatchId());
        return d != null && d.endTime() != null && d.endTime() <= item.instant();
    }

    private static Dispatch dispatchOf(CaseState s, String dispatchId) {
        for (Dispatch d : s.dispatches()) {
            if (d.dispatchId().equals(dispatchId)) {
                return d;
            }
        }
        return null;
    }

    /** The packed events of a settled case (bounded), exposed for tests. */
    static ValueStateDescriptor<byte[]> settledEventsDescriptor() {
        return new ValueStateDescriptor<>("settled-events", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    /** Strings as UTF-8, each after its length. */
    static byte[] packStrings(List<String> strings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + strings.size() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(strings.size());
            for (String k : strings) {
                byte[] b = k.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        }
        return bytes.toByteArray();
    }

    static List<String> unpackStrings(byte[] packed) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int n = in.readInt();
            List<String> strings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                strings.add(new String(b, StandardCharsets.UTF_8));
            }
            return strings;
        }
    }

    private static String eventKey(CaseEvent e) {
        return "e:" + e.eventId();
    }

    /**
     * The done-set key of an alert that fired: the parts of its {@link DeadlineItem#alertId()}
     * (type, dispatch, deadline) as they are, without the alertId's SHA-256, which each firing
     * would compute several times per candidate.
     */
    static String firedKey(DeadlineItem item) {
        return "a:" + item.kind().ordinal() + ":" + item.deadline() + ":" + item.dispatchId();
    }

    private static String candidateKey(DeadlineItem item) {
        return "c:" + item.kind().ordinal() + ":" + item.deadline() + ":" + item.instant() + ":" + item.dispatchId();
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
