package io.gridpulse.flink.alerts.spatial;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts reports a rule saw behind its watermark (live mode only) in the metric {@code
 * lateReports}, and logs the first of each task and then every 1000th, so that leaving them out is
 * never silent. Passes nothing on.
 */
final class LateReports extends RichFilterFunction<Report> {

    private static final Logger LOG = LoggerFactory.getLogger(LateReports.class);

    private final String rule;
    private transient Counter late;

    LateReports(String rule) {
        this.rule = rule;
    }

    @Override
    public void open(OpenContext ctx) {
        late = getRuntimeContext().getMetricGroup().counter("lateReports");
    }

    @Override
    public boolean filter(Report r) {
        late.inc();
        if (late.getCount() % 1000 == 1) {
            LOG.warn(
                    "{}: report {} at {} arrived behind the watermark and is left out of the rule ({} so far)",
                    rule,
                    r.eventId(),
                    java.time.Instant.ofEpochMilli(r.time()),
                    late.getCount());
        }
        return false;
    }
}
