package io.gridpulse.flink.cases.workflow;

import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.domain.reference.Catalog;
import io.gridpulse.domain.reference.Category;
import io.gridpulse.domain.workflow.CaseEventPack;
import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.CaseStateMachine;
import io.gridpulse.domain.workflow.CaseStatus;
import io.gridpulse.domain.workflow.CaseTimeline;
import io.gridpulse.domain.workflow.CategoryLimits;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.ProgressCounters;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The case workflow (案件流程), keyed by caseId: keeps each case's distinct events in state and
 * replays them with {@link CaseStateMachine} into one {@link CaseFact} (main output) and one
 * {@link DispatchFact} per dispatch ({@link #DISPATCHES}), each carrying version = the number of
 * distinct events replayed. Rows depend only on the set of events and the as-of time, never on
 * arrival order, redeliveries or the wall clock, so writing them again (replay, restart, a second
 * run) replaces equal rows with equal rows.
 *
 * <h2>Coalescing</h2>
 * A new event marks the case dirty and sets one replay timer; events arriving before it fires
 * join the same replay. LIVE: the timer is at the current watermark + 1, so it fires with the
 * next watermark advance (a burst of events of one case gives one replay). BOUNDED: the timer is
 * at Long.MAX_VALUE and fires with the final watermark at the end of input: one replay per case,
 * as of the run's as-of time, as if all input were known; unless the case settles first.
 *
 * <h2>Settling (BOUNDED)</h2>
 * A bounded run's input is published in event-time order, so once the watermark passes a
 * finished case's (CLOSED or CANCELLED, no dispatch open) last event, the case has usually
 * heard its last. Then it settles: it is replayed at once, as of the run's as-of time (so its
 * rows are those the end of input would give: the replay is a function of the set of events and
 * the as-of time only), its end-of-input replay is cancelled, and its events move from the
 * MapState into one packed byte array ({@link CaseEventPack}, a few times smaller). An event that
 * still comes for a settled case (a late one, or one that reopens it) unpacks the events, joins
 * them, and the case is replayed again (at the end of input, or when it settles again) with one
 * more event, hence a higher version: its rows replace the settled ones. So the rows stay exact
 * whatever arrives, and the heap holds a year of finished cases packed, the open ones in full.
 * A settle timer is set at the time of a CLOSED or CANCELLED, and at each later event of the
 * case; when it fires while the watermark is still before the case's last event, the case waits
 * for that event's timer.
 *
 * <h2>Retention (LIVE only)</h2>
 * A finished case (CLOSED or CANCELLED, so no dispatch open) is purged once the watermark passes
 * its last event time + {@code retentionMillis} (at least the allowed lateness): its events and
 * report location are cleared and a tombstone (one Long: when it expires) is kept for {@code
 * tombstoneMillis}. An event for a case under a tombstone is rejected as CASE_PURGED. After the
 * tombstone expires, an event for the case starts a new timeline; its rows carry low versions,
 * so they do not replace the purged case's final case row (ReplacingMergeTree keeps the highest
 * version), while a dispatch it starts gets a row of its own. Such an event is already more than
 * retention + tombstone behind the case's last event, and most such events are TOO_LATE upstream.
 * BOUNDED runs never purge (they settle): `process` must not depend on how late an event is.
 *
 * <h2>State</h2>
 * Events are kept without address, description and phone hash (the replay does not read them),
 * in a MapState by eventId, or packed once settled, with explicit serializers: never Kryo.
 */
public final class CaseWorkflow extends KeyedProcessFunction<String, CaseEventRow, CaseFact> {

    /** One row per dispatch of every replayed case. */
    public static final OutputTag<DispatchFact> DISPATCHES =
            new OutputTag<>("dispatch-facts", TypeInformation.of(DispatchFact.class));

    /**
     * Every input event, forwarded as it came, before anything else: the events, partitioned by
     * case already, for the deadline clock chained behind (no second shuffle of every event).
     */
    public static final OutputTag<CaseEventRow> EVENTS =
            new OutputTag<>("case-events-by-case", TypeInformation.of(CaseEventRow.class));

    private final ReferenceData reference;
    private final boolean live;
    private final long asOf;
    private final long retentionMillis;
    private final long tombstoneMillis;

    private transient MapState<String, CaseEvent> events;
    private transient ValueState<ReportLocation> report;
    private transient ValueState<Long> replayAt;
    private transient ValueState<Long> purgeAt;
    private transient ValueState<Long> tombstoneUntil;
    private transient ValueState<Long> settleAt;
    private transient ValueState<byte[]> settled;
    private transient CategoryLimits limits;
    private transient WorkCalendar calendar;
    private transient Counter replays;
    private transient Counter purged;
    private transient Counter settledCases;
    private transient Map<String, String> names;

    /**
     * @param live LIVE mode: coalesce on the watermark, purge finished cases, reject CASE_PURGED
     * @param asOf the moment the state stands at: events after it are ignored (LIVE: Long.MAX_VALUE)
     * @param retentionMillis how long a finished case is kept after its last event (LIVE)
     * @param tombstoneMillis how long a purged case is remembered, to reject its events (LIVE)
     */
    public CaseWorkflow(ReferenceData reference, boolean live, long asOf, long retentionMillis, long tombstoneMillis) {
        if (retentionMillis < 0 || tombstoneMillis < 0) {
            throw new IllegalArgumentException("retention and tombstone durations must not be negative");
        }
        this.reference = reference;
        this.live = live;
        this.asOf = asOf;
        this.retentionMillis = retentionMillis;
        this.tombstoneMillis = tombstoneMillis;
    }

    /** The descriptor of the events' state, exposed so a test can check its serializer. */
    public static MapStateDescriptor<String, CaseEvent> eventsDescriptor() {
        return new MapStateDescriptor<>("events", Types.STRING, TypeInformation.of(CaseEvent.class));
    }

    /** The descriptor of the report location's state. */
    public static ValueStateDescriptor<ReportLocation> reportDescriptor() {
        return new ValueStateDescriptor<>("report", TypeInformation.of(ReportLocation.class));
    }

    @Override
    public void open(OpenContext ctx) {
        events = getRuntimeContext().getMapState(eventsDescriptor());
        report = getRuntimeContext().getState(reportDescriptor());
        replayAt = getRuntimeContext().getState(new ValueStateDescriptor<>("replayAt", Types.LONG));
        purgeAt = getRuntimeContext().getState(new ValueStateDescriptor<>("purgeAt", Types.LONG));
        tombstoneUntil = getRuntimeContext().getState(new ValueStateDescriptor<>("tombstoneUntil", Types.LONG));
        settleAt = getRuntimeContext().getState(new ValueStateDescriptor<>("settleAt", Types.LONG));
        settled = getRuntimeContext().getState(settledDescriptor());
        Catalog catalog = reference.catalog();
        limits = code -> catalog.category(code).map(Category::limit);
        calendar = reference.calendar();
        replays = getRuntimeContext().getMetricGroup().counter("caseReplays");
        purged = getRuntimeContext().getMetricGroup().counter("casesPurged");
        settledCases = getRuntimeContext().getMetricGroup().counter("casesSettled");
        names = new HashMap<>();
    }

    /**
     * The location with its grid code and area names shared with every other case's: each record
     * arrives with its own copies, and a year of cases kept a million copies of a few thousand
     * names. The pool holds only names of the city's grids and areas.
     */
    private Located shared(Located l) {
        if (l == null || l.gridCode() == null) {
            return l;
        }
        return new Located(
                l.lon(), l.lat(), name(l.gridCode()), name(l.community()), name(l.street()), name(l.district()));
    }

    private String name(String s) {
        return s == null ? null : names.computeIfAbsent(s, k -> k);
    }

    /** The descriptor of a settled case's packed events (BOUNDED). */
    public static ValueStateDescriptor<byte[]> settledDescriptor() {
        return new ValueStateDescriptor<>("settled", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    @Override
    public void processElement(CaseEventRow row, Context ctx, Collector<CaseFact> out) throws Exception {
        ctx.output(EVENTS, row);
        CaseEvent e = row.event();
        if (e.time() > asOf) {
            // upstream already ignores (and counts) events after the as-of time
            return;
        }
        if (live && tombstoneUntil.value() != null) {
            reject(
                    ctx,
                    e,
                    ReasonCode.CASE_PURGED,
                    "case " + e.caseId()
                            + " was finished and its state purged after the retention time; the event is not applied");
            return;
        }
        CaseEvent kept = slim(e);
        byte[] packed = settled.value();
        if (packed != null && !unsettle(packed, kept, ctx)) {
            return;
        }
        CaseEvent before = events.get(e.eventId());
        if (before != null) {
            if (!before.equals(kept)) {
                reject(
                        ctx,
                        e,
                        ReasonCode.DUPLICATE_CONFLICT,
                        "eventId " + e.eventId() + " was seen before with another payload; the first copy is kept");
            }
            return;
        }
        events.put(e.eventId(), kept);
        if (e.type() == CaseEventType.REPORTED) {
            ReportLocation r = report.value();
            if (r == null || r.isAfter(e.time(), e.eventId())) {
                report.update(new ReportLocation(e.eventId(), e.time(), shared(row.located())));
            }
        }
        if (replayAt.value() == null) {
            long at = live ? saturatedAdd(ctx.timerService().currentWatermark(), 1) : Long.MAX_VALUE;
            ctx.timerService().registerEventTimeTimer(at);
            replayAt.update(at);
        }
        Long purge = live ? purgeAt.value() : null;
        if (purge != null) {
            // a new event reopens the question; the replay decides again
            ctx.timerService().deleteEventTimeTimer(purge);
            purgeAt.clear();
        }
        if (!live) {
            Long settle = settleAt.value();
            boolean ends = e.type() == CaseEventType.CLOSED || e.type() == CaseEventType.CANCELLED;
            if ((ends || settle != null || packed != null) && (settle == null || e.time() > settle)) {
                // one pending settle timer per case, at the latest event time since the case ended
                if (settle != null) {
                    ctx.timerService().deleteEventTimeTimer(settle);
                }
                ctx.timerService().registerEventTimeTimer(e.time());
                settleAt.update(e.time());
            }
        }
    }

    /**
     * An event for a settled case: true when it is new, its events then back in the MapState (and
     * the pack gone) for it to join; false for a redelivery or a conflict (rejected here), which
     * leave the case settled.
     */
    private boolean unsettle(byte[] packed, CaseEvent kept, Context ctx) throws Exception {
        List<CaseEvent> all = CaseEventPack.unpack(packed, kept.caseId());
        for (CaseEvent before : all) {
            if (before.eventId().equals(kept.eventId())) {
                if (!before.equals(kept)) {
                    reject(
                            ctx,
                            kept,
                            ReasonCode.DUPLICATE_CONFLICT,
                            "eventId " + kept.eventId()
                                    + " was seen before with another payload; the first copy is kept");
                }
                return false;
            }
        }
        for (CaseEvent before : all) {
            events.put(before.eventId(), before);
        }
        settled.clear();
        return true;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CaseFact> out) throws Exception {
        if (!live) {
            // each state read is a lookup in a table of every case: read only what a bounded run sets
            Long settle = settleAt.value();
            if (settle != null && timestamp >= settle) {
                settleAt.clear();
                settle(ctx, out);
            }
            if (timestamp == Long.MAX_VALUE && replayAt.value() != null) {
                replayAt.clear();
                replay(ctx, out);
            }
            return;
        }
        Long replay = replayAt.value();
        if (replay != null && timestamp >= replay) {
            replayAt.clear();
            replay(ctx, out);
        }
        Long purge = purgeAt.value();
        if (purge != null && timestamp >= purge && replayAt.value() == null) {
            purge(ctx, timestamp);
        }
        Long tombstone = tombstoneUntil.value();
        if (tombstone != null && timestamp >= tombstone) {
            tombstoneUntil.clear();
        }
    }

    /**
     * BOUNDED: the watermark has passed the case's latest event time since it ended. A finished
     * case whose events all lie at or before the watermark is replayed now and packed.
     */
    private void settle(OnTimerContext ctx, Collector<CaseFact> out) throws Exception {
        Long replay = replayAt.value();
        if (replay == null) {
            return; // nothing new since the last replay
        }
        CaseTimeline timeline = timeline();
        if (timeline.isEmpty()) {
            return;
        }
        CaseState state = CaseStateMachine.replay(timeline, limits, calendar, asOf);
        long watermark = ctx.timerService().currentWatermark();
        if (!finished(state) || timeline.events().get(timeline.size() - 1).time() > watermark) {
            return; // still open, or a later event is in: its own settle timer decides
        }
        emit(ctx, out, timeline, state);
        ctx.timerService().deleteEventTimeTimer(replay);
        replayAt.clear();
        settled.update(CaseEventPack.pack(timeline.events()));
        events.clear();
        settledCases.inc();
    }

    private CaseTimeline timeline() throws Exception {
        List<CaseEvent> all = new ArrayList<>();
        events.values().forEach(all::add);
        return CaseTimeline.of(all);
    }

    private void replay(OnTimerContext ctx, Collector<CaseFact> out) throws Exception {
        CaseTimeline timeline = timeline();
        if (timeline.isEmpty()) {
            return;
        }
        CaseState state = CaseStateMachine.replay(timeline, limits, calendar, asOf);
        emit(ctx, out, timeline, state);
        if (live && finished(state)) {
            long at = saturatedAdd(state.lastEventTime(), retentionMillis);
            ctx.timerService().registerEventTimeTimer(at);
            purgeAt.update(at);
        }
    }

    private void emit(OnTimerContext ctx, Collector<CaseFact> out, CaseTimeline timeline, CaseState state)
            throws Exception {
        long version = timeline.size();
        ReportLocation where = report.value();
        out.collect(FactRows.caseFact(state, where, version));
        for (DispatchFact d : FactRows.dispatchFacts(state, where, version)) {
            ctx.output(DISPATCHES, d);
        }
        replays.inc();
    }

    private void purge(OnTimerContext ctx, long timestamp) throws Exception {
        events.clear();
        report.clear();
        purgeAt.clear();
        long until = saturatedAdd(timestamp, tombstoneMillis);
        tombstoneUntil.update(until);
        ctx.timerService().registerEventTimeTimer(until);
        purged.inc();
    }

    /** CLOSED or CANCELLED, hence no dispatch open (a DISPATCHED after it would have reopened it). */
    static boolean finished(CaseState s) {
        return (s.status() == CaseStatus.CLOSED || s.status() == CaseStatus.CANCELLED)
                && s.openDispatch().isEmpty()
                && s.lastEventTime() != null;
    }

    /** The event without the fields the replay never reads: the state of a year of cases is mostly text. */
    public static CaseEvent slim(CaseEvent e) {
        return new CaseEvent(
                e.eventId(),
                e.caseId(),
                e.type(),
                e.time(),
                e.source(),
                e.categoryCode(),
                e.lon(),
                e.lat(),
                e.crs(),
                e.department(),
                e.deadline(),
                e.inspectorId(),
                null,
                null,
                null);
    }

    private void reject(Context ctx, CaseEvent e, ReasonCode reason, String detail) {
        ctx.output(
                Tags.REJECTED,
                new Rejection(Feed.CASES, reason, detail, String.valueOf(e), System.currentTimeMillis(), e.eventId()));
        ProgressCounters.rejected(Feed.CASES, reason);
    }

    static long saturatedAdd(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : s;
    }
}
