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
    }

    @Override
    public void processElement(FeedRecord r, Context ctx, Collector<FeedRecord> out) {
        ProgressCounters.add(feed, ProgressCounters.READ, 1);
        if (r.rejection() != null) {
            rejected.inc();
            ProgressCounters.rejected(feed, r.rejection().reason());
            ctx.output(Tags.REJECTED, r.rejection());
            return;
        }
        ProgressCounters.add(feed, ProgressCounters.CONSUMED, 1);
        if (bounded && r.eventTime() > asOf) {
            afterAsOf.inc();
            ProgressCounters.add(feed, ProgressCounters.AFTER_AS_OF, 1);
            return;
        }
        valid.inc();
        out.collect(r);
    }
}
