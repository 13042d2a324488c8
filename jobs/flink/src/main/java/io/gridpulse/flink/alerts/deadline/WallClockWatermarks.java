package io.gridpulse.flink.alerts.deadline;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Live mode: the CEP operators run in event time on the signals' emission wall-clock times, and
 * this generator advances their watermark with the wall clock, also when no signal comes.
 *
 * <p>Why not CEP in processing time: Flink's CEP clears a key's leftover NFA state in its
 * event-time path only (FLINK-32701); the processing-time path keeps it (FLINK-40237, open), so
 * short-lived keys (dispatches, cases) would leak. A signal is stamped with the wall clock when the
 * clock emits it, in the same task as this generator and before the next periodic watermark, so it
 * is never late; a wall clock stepping backwards could make one late (CEP then drops it and counts
 * it in its numLateRecordsDropped metric). The periodic interval (pipeline.auto-watermark-interval,
 * 200 ms by default) bounds the delay this adds to an alert.
 */
public final class WallClockWatermarks implements WatermarkGenerator<ClockSignal> {

    /** Timestamps from {@link #timestamp}, watermarks from the wall clock. */
    public static WatermarkStrategy<ClockSignal> strategy() {
        return WatermarkStrategy.<ClockSignal>forGenerator(ctx -> new WallClockWatermarks())
                .withTimestampAssigner((s, previous) -> timestamp(s));
    }

    /**
     * A signal's CEP timestamp in live mode: its emission time, and 1 ms later for the signals that
     * end a key (DISPATCH_ENDED, CASE_FORGOTTEN). CEP prunes its per-timestamp event counts below
     * the watermark when it processes a key's elements; an end stamped with the same millisecond as
     * the key's last stored event (both emitted by one firing of the clock) would leave that count
     * behind, with no later element or timer to prune it.
     */
    public static long timestamp(ClockSignal s) {
        return s.kind() == SignalKind.DISPATCH_ENDED || s.kind() == SignalKind.CASE_FORGOTTEN
                ? s.emittedAt() + 1
                : s.emittedAt();
    }

    @Override
    public void onEvent(ClockSignal event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(System.currentTimeMillis() - 1));
    }
}
