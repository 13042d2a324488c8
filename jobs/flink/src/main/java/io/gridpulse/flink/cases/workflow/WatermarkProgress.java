package io.gridpulse.flink.cases.workflow;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Turns a live job's event-time progress (its watermark) into {@link Progress} rows for the
 * {@code progress} table, which the views read as the as-of time (contracts.md section 3: views
 * never depend on now()). Ignores its input records: only the watermark matters. Emits when the
 * watermark has advanced and at least {@code intervalMillis} of wall-clock time passed since the
 * last row, so a busy feed writes one row per interval, a quiet one none. Run it at parallelism 1
 * so the watermark is the minimum over all upstream subtasks.
 */
public final class WatermarkProgress<T> extends AbstractStreamOperator<Progress>
        implements OneInputStreamOperator<T, Progress> {

    private final String scope;
    private final String runId;
    private final long intervalMillis;
    private transient long lastWatermark;
    private transient long lastEmitted;

    public WatermarkProgress(String scope, String runId, long intervalMillis) {
        this.scope = scope;
        this.runId = runId;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void open() throws Exception {
        super.open();
        lastWatermark = Long.MIN_VALUE;
        lastEmitted = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        // only the watermark carries progress
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        super.processWatermark(mark);
        long wm = mark.getTimestamp();
        if (wm == Long.MAX_VALUE || wm <= lastWatermark) {
            // the final watermark of a bounded input is not a moment in time
            return;
        }
        long now = getProcessingTimeService().getCurrentProcessingTime();
        if (lastEmitted != Long.MIN_VALUE && now - lastEmitted < intervalMillis) {
            return;
        }
        lastWatermark = wm;
        lastEmitted = now;
        output.collect(new StreamRecord<>(new Progress(scope, wm, now, runId)));
    }
}
