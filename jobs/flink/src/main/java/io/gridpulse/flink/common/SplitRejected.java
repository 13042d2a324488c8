package io.gridpulse.flink.common;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends rejections to the side output and valid events on; drops (and counts) valid events
 * after the as-of time of a bounded run, which every output ignores.
 */
public final class SplitRejected extends ProcessFunction<FeedRecord, FeedRecord> {

    private final io.gridpulse.domain.model.Feed feed;
    private final boolean bounded;
    private final long asOf;
    private transient Counter valid;
    private transient Counter rejected;
    private transient Counter afterAsOf;
    private transient ProgressCounters.FeedCounter readCount;
    private transient ProgressCounters.FeedCounter consumedCount;

    public SplitRejected(io.gridpulse.domain.model.Feed feed, boolean bounded, long asOf) {
        this.feed = feed;
        this.bounded = bounded;
        this.asOf = asOf;
    }

    @Override
    public void open(OpenContext ctx) {
        valid = getRuntimeContext().getMetricGroup().counter("validRecords");
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedRecords");
        afterAsOf = getRuntimeContext().getMetricGroup().counter("afterAsOfRecords");
        readCount = ProgressCounters.counter(feed, ProgressCounters.READ);
        consumedCount = ProgressCounters.counter(feed, ProgressCounters.CONSUMED);
    }

    @Override
    public void processElement(FeedRecord r, Context ctx, Collector<FeedRecord> out) {
        readCount.add(1);
        if (r.rejection() != null) {
            rejected.inc();
            ProgressCounters.rejected(feed, r.rejection().reason());
            ctx.output(Tags.REJECTED, r.rejection());
            return;
        }
        consumedCount.add(1);
        if (bounded && r.eventTime() > asOf) {
            afterAsOf.inc();
            ProgressCounters.add(feed, ProgressCounters.AFTER_AS_OF, 1);
            return;
        }
        valid.inc();
        out.collect(r);
    }
}
