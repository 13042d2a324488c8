package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.spatial.HotspotRule;
import io.gridpulse.domain.alert.spatial.HotspotRules;
import java.time.Duration;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.OutputTag;

/**
 * HOTSPOT (区域热点) with Flink CEP: per grid and category, K reports in a row with no gap, their
 * times spanning at most W, and after a match the next one starts past its last report.
 *
 * <p>Why this is exactly the rule of issue #4 (take each report with the K-1 latest earlier
 * reports not yet consumed): matches consume K consecutive reports, so the reports not yet
 * consumed before a report are the ones since the last match, plus older ones the rule passed
 * over. An older report x passed over cannot join a later window: if it lay within W of a later
 * report, every report between them would lie within W of x too, and the K-1 reports after x
 * would have made a window with x before the later match could take reports after x.
 * {@code HotspotCepTest} checks the equivalence against the plain rule on random input.
 *
 * <p>Mapping: {@code times(K).consecutive()} = K reports in a row; {@code
 * skipPastLastEvent()} = consumed reports are not reused; {@code within(W + 1 ms)} = span at most W
 * (CEP prunes a partial match when {@code now - start >= within}); CEP's event-time buffer with
 * {@link ReportOrder} = (time, eventId) order whatever the arrival order. One CEP operator per
 * distinct (K, W) in use: a pattern's K and W are fixed.
 *
 * <p>Reports behind the watermark (live mode only; {@code process} is never late) cannot enter a
 * sequence already matched and are left out of hotspots; they are counted in the metric {@code
 * lateReports} of the {@code hotspot-late-*} operator and stay in every other output.
 */
public final class HotspotAlerts {

    static final String PATTERN_NAME = "reports";

    private HotspotAlerts() {}

    public static DataStream<Alert> build(DataStream<Report> reports, HotspotRules rules) {
        DataStream<Alert> all = null;
        for (HotspotRule rule : rules.distinctRules()) {
            String name = "hotspot-k" + rule.k() + "-w" + rule.windowMillis();
            OutputTag<Report> late = new OutputTag<>(name + "-late", TypeInformation.of(Report.class));
            SingleOutputStreamOperator<Alert> alerts = CEP.pattern(
                            reports.filter(new UnderRule(rules, rule))
                                    .name(name + "-reports")
                                    .uid(name + "-reports")
                                    .keyBy(r -> r.gridCode() + "\u0000" + r.categoryCode(), Types.STRING),
                            pattern(rule),
                            new ReportOrder())
                    .inEventTime()
                    .sideOutputLateData(late)
                    .process(new HotspotMatch(rule), TypeInformation.of(Alert.class))
                    .name(name)
                    .uid(name);
            alerts.getSideOutput(late)
                    .filter(new LateReports(name))
                    .name(name + "-late")
                    .uid(name + "-late")
                    .sinkTo(new DiscardingSink<>())
                    .name(name + "-late-count")
                    .uid(name + "-late-count");
            all = all == null ? alerts : all.union(alerts);
        }
        return all;
    }

    /** K reports in a row, spanning at most W, consumed by their match. */
    static Pattern<Report, Report> pattern(HotspotRule rule) {
        return Pattern.<Report>begin(PATTERN_NAME, AfterMatchSkipStrategy.skipPastLastEvent())
                .times(rule.k())
                .consecutive()
                .within(Duration.ofMillis(rule.windowMillis() + 1));
    }

    /** Reports inside a grid whose category follows this rule. */
    static final class UnderRule implements FilterFunction<Report> {
        private final HotspotRules rules;
        private final HotspotRule rule;

        UnderRule(HotspotRules rules, HotspotRule rule) {
            this.rules = rules;
            this.rule = rule;
        }

        @Override
        public boolean filter(Report r) {
            return !r.gridCode().isEmpty() && rules.ruleFor(r.categoryCode()).equals(rule);
        }
    }
}
