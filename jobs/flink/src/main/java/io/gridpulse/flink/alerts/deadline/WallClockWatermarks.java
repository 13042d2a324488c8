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

    /** Timestamps from {@link ClockSignal#emittedAt()}, watermarks from the wall clock. */
    public static WatermarkStrategy<ClockSignal> strategy() {
        return WatermarkStrategy.<ClockSignal>forGenerator(ctx -> new WallClockWatermarks())
                .withTimestampAssigner((s, previous) -> s.emittedAt());
    }

    @Override
    public void onEvent(ClockSignal event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(System.currentTimeMillis() - 1));
    }
}
