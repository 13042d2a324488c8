package io.gridpulse.flink.common;

import io.gridpulse.domain.codec.RawText;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.Feed;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by an event's identity (eventId; vehicleId+time; sensorId+type+time): passes the first
 * copy, drops redeliveries (same payload), and for the case feed rejects a copy with another
 * payload as DUPLICATE_CONFLICT (the copy seen first is kept). In live mode an event older than
 * the watermark minus the allowed lateness is TOO_LATE. The identity is forgotten once the
 * watermark passes event time plus the allowed lateness, which bounds the state.
 */
public final class Deduplicate extends KeyedProcessFunction<DedupKey, FeedRecord, FeedRecord> {

    private final Feed feed;
    private final boolean live;
    private final long allowedLatenessMillis;
    private transient ValueState<Long> seen;
    private transient Counter duplicates;
    private transient Counter conflicts;

    public Deduplicate(Feed feed, boolean live, long allowedLatenessMillis) {
        this.feed = feed;
        this.live = live;
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("payloadHash", Types.LONG));
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
        // Only the case feed tells a conflict from a redelivery; for positions and readings the
        // identity alone decides, and hashing millions of payloads would be wasted work.
        long hash = feed == Feed.CASES ? hash64(String.valueOf(payload(r))) : 0L;
        Long first = seen.value();
        if (first == null) {
            seen.update(hash);
            ctx.timerService().registerEventTimeTimer(saturatedAdd(t, allowedLatenessMillis));
            out.collect(r);
            return;
        }
        if (first == hash || feed != Feed.CASES) {
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
                        "eventId " + ctx.getCurrentKey().identity()
                                + " was seen before with another payload; the first copy is kept",
                        rawText(r),
                        System.currentTimeMillis(),
                        r.origin()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FeedRecord> out) {
        seen.clear();
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

    /** FNV-1a over UTF-8: stable across JVMs and versions, unlike String.hashCode's 32 bits. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The key a feed's events are deduplicated on (contracts.md), routed by entity ({@link DedupKey}). */
    public static DedupKey key(FeedRecord r) {
        if (r.caseEvent() != null) {
            return new DedupKey(r.caseEvent().eventId(), r.caseEvent().eventId());
        }
        if (r.position() != null) {
            return new DedupKey(
                    r.position().vehicleId(),
                    r.position().vehicleId() + "\u0000" + r.position().time());
        }
        return new DedupKey(
                r.reading().sensorId(),
                r.reading().sensorId() + "\u0000" + r.reading().type() + "\u0000"
                        + r.reading().time());
    }
}
