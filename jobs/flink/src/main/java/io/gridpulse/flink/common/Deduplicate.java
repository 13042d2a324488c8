package io.gridpulse.flink.common;

import io.gridpulse.domain.codec.RawText;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.CaseEventFingerprint;
import io.gridpulse.domain.model.Feed;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes the first copy of each event (identity: eventId; vehicleId+time; sensorId+type+time),
 * drops redeliveries (same payload), and for the case feed rejects a copy with another payload
 * as DUPLICATE_CONFLICT (the copy seen first is kept). In live mode an event older than the
 * watermark minus the allowed lateness is TOO_LATE. An identity is forgotten once the watermark
 * passes its event time plus the allowed lateness, which bounds the state.
 *
 * <p>Keyed by entity ({@link #entity}: eventId, vehicleId, sensorId), not by the whole identity,
 * so that every position of one vehicle and every reading of one sensor passes one subtask and
 * reaches the keyed steps after it (distance steps, hourly sums) in the order of its Kafka
 * partition, which `process` publishes in event-time order. Keyed by identity, one vehicle's
 * positions would interleave from two subtasks in an order that changes from run to run, and so
 * would distances and floating-point sums. A vehicle's or sensor's seen times are a map state
 * (time to the reading types seen then); a case event's is one payload fingerprint ({@link CaseEventFingerprint}).
 *
 * <p>Bounded runs of vehicles and sensors: a partition is read in event-time order, so an
 * entity's times never decrease and a repeat comes while its time is still the latest. The
 * function remembers just that latest time and the types seen at it ({@link LatestIdentity}, one
 * value per entity) and registers no timers, which were a tenth of the vehicle job's cost. A time
 * earlier than the latest (a topic not written in time order) takes the per-time map above.
 */
public final class Deduplicate extends KeyedProcessFunction<String, FeedRecord, FeedRecord> {

    /** The tag of a vehicle position, which has no reading type. */
    private static final String NO_TYPE = "\u0000\u0000";

    private final Feed feed;
    private final boolean live;
    private final long allowedLatenessMillis;
    private final long retentionMillis;
    private transient ValueState<Long> seen;
    private transient MapState<Long, String> seenTimes;
    private transient ValueState<LatestIdentity> latest;
    private transient Counter duplicates;
    private transient Counter conflicts;

    public Deduplicate(Feed feed, boolean live, long allowedLatenessMillis) {
        this.feed = feed;
        this.live = live;
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.retentionMillis = retention(feed, live, allowedLatenessMillis);
    }

    /**
     * How long after its event time an identity is remembered. A bounded run reads each
     * partition in event-time order, and a position's or reading's identity contains its time,
     * so its repeats come before the watermark passes that time: remembering it until then is
     * exact, and keeps the state to about one entry per vehicle or sensor instead of one per
     * event (checkpoints of millions of identities took a sixth of the vehicle job's CPU). A case
     * event's repeat may carry another time (a conflict), so case identities stay for the
     * allowed lateness.
     */
    static long retention(Feed feed, boolean live, long allowedLatenessMillis) {
        return live || feed == Feed.CASES ? allowedLatenessMillis : 0L;
    }

    @Override
    public void open(OpenContext ctx) {
        // named for what it holds: a state of an earlier hash ("payloadHash") is not read as one
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("payloadFingerprint", Types.LONG));
        seenTimes = getRuntimeContext().getMapState(new MapStateDescriptor<>("seenTimes", Types.LONG, Types.STRING));
        latest = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("latest", TypeInformation.of(LatestIdentity.class)));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
        conflicts = getRuntimeContext().getMetricGroup().counter("conflicts");
    }

    @Override
    public void processElement(FeedRecord r, Context ctx, Collector<FeedRecord> out) throws Exception {
        long t = r.eventTime();
        long watermark = ctx.timerService().currentWatermark();
        if (live && watermark != Long.MIN_VALUE && t < watermark - allowedLatenessMillis) {
            ctx.output(
                    Tags.REJECTED,
                    new Rejection(
                            feed,
                            ReasonCode.TOO_LATE,
                            "event time is more than the allowed lateness behind the job's event-time progress",
                            rawText(r),
                            System.currentTimeMillis(),
                            r.origin()));
            ProgressCounters.rejected(feed, ReasonCode.TOO_LATE);
            return;
        }
        if (feed != Feed.CASES) {
            // The identity alone decides: a vehicle's time, a sensor's type and time.
            String tag = r.reading() != null ? "\u0000" + r.reading().type() + "\u0000" : NO_TYPE;
            if (!live && inOrder(r, t, tag, out)) {
                return;
            }
            String tags = seenTimes.get(t);
            if (tags == null) {
                seenTimes.put(t, tag);
                ctx.timerService().registerEventTimeTimer(saturatedAdd(t, retentionMillis));
                out.collect(r);
            } else if (!tags.contains(tag)) {
                seenTimes.put(t, tags + tag.substring(1));
                out.collect(r);
            } else {
                duplicates.inc();
                ProgressCounters.add(feed, ProgressCounters.DUPLICATES, 1);
            }
            return;
        }
        long hash = CaseEventFingerprint.of(r.caseEvent());
        Long first = seen.value();
        if (first == null) {
            seen.update(hash);
            ctx.timerService().registerEventTimeTimer(saturatedAdd(t, retentionMillis));
            out.collect(r);
            return;
        }
        if (first == hash) {
            duplicates.inc();
            ProgressCounters.add(feed, ProgressCounters.DUPLICATES, 1);
            return;
        }
        conflicts.inc();
        ProgressCounters.rejected(feed, ReasonCode.DUPLICATE_CONFLICT);
        ctx.output(
                Tags.REJECTED,
                new Rejection(
                        feed,
                        ReasonCode.DUPLICATE_CONFLICT,
                        "eventId " + ctx.getCurrentKey()
                                + " was seen before with another payload; the first copy is kept",
                        rawText(r),
                        System.currentTimeMillis(),
                        r.origin()));
    }

    /**
     * Bounded runs: handles a record whose time is not before its entity's latest; returns false
     * for an earlier time, which the caller checks against the per-time map.
     */
    private boolean inOrder(FeedRecord r, long t, String tag, Collector<FeedRecord> out) throws Exception {
        LatestIdentity last = latest.value();
        if (last == null || t > last.time()) {
            latest.update(new LatestIdentity(t, tag));
            out.collect(r);
            return true;
        }
        if (t < last.time()) {
            return false;
        }
        if (last.tags().contains(tag)) {
            duplicates.inc();
            ProgressCounters.add(feed, ProgressCounters.DUPLICATES, 1);
        } else {
            latest.update(new LatestIdentity(t, last.tags() + tag.substring(1)));
            out.collect(r);
        }
        return true;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FeedRecord> out) throws Exception {
        if (feed == Feed.CASES || timestamp == Long.MAX_VALUE) {
            seen.clear();
            seenTimes.clear();
        } else {
            seenTimes.remove(timestamp - retentionMillis);
        }
    }

    private static String rawText(FeedRecord r) {
        return r.raw() == null ? String.valueOf(payload(r)) : RawText.sanitize(r.raw());
    }

    private static Object payload(FeedRecord r) {
        if (r.caseEvent() != null) {
            return r.caseEvent();
        }
        return r.position() != null ? r.position() : r.reading();
    }

    static long saturatedAdd(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    /** The key events are routed and deduplicated by: eventId, vehicleId or sensorId. */
    public static String entity(FeedRecord r) {
        if (r.caseEvent() != null) {
            return r.caseEvent().eventId();
        }
        return r.position() != null ? r.position().vehicleId() : r.reading().sensorId();
    }
}
