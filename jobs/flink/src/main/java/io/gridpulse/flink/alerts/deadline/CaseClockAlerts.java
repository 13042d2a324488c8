package io.gridpulse.flink.alerts.deadline;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.alerts.escalation.EscalationAlerts;
import io.gridpulse.flink.alerts.escalation.EscalationPatterns;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ReferenceData;
import java.util.EnumSet;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/**
 * The case alerts of the deadline clock: OVERDUE, OVERDUE_WARNING, REWORK_REPEATED,
 * RETURN_REPEATED, SUPERVISED (docs/alerts.md). The clock, keyed by case, turns case events into
 * signals; four CEP operators (event time, signals ordered by {@link SignalOrder} on ties) match
 * them, keyed by dispatch or by case.
 *
 * <p>The events come either as the located case events, keyed by caseId here, or as the
 * workflow's forward of them ({@code CaseWorkflowJob.build}: a KeyedStream by caseId), which the
 * clock takes as it is, chained behind the workflow: every case event crossed the network twice,
 * once for each, and its serialization was a large share of the year's CPU.
 */
public final class CaseClockAlerts {

    private static final Set<SignalKind> DISPATCH_SIGNALS =
            EnumSet.of(SignalKind.DISPATCHED, SignalKind.DISPATCH_ENDED, SignalKind.REWORK);
    private static final Set<SignalKind> TICKS = EnumSet.of(SignalKind.WARNING_DUE, SignalKind.OVERDUE_DUE);
    private static final Set<SignalKind> RETURN_SIGNALS =
            EnumSet.of(SignalKind.CASE_OPENED, SignalKind.RETURNED, SignalKind.CASE_FORGOTTEN);

    private CaseClockAlerts() {}

    /** Adds the clock and its patterns after the located case events; returns the alerts. */
    public static DataStream<Alert> build(
            DataStream<CaseEventRow> events, JobSettings settings, ReferenceData reference, AlertSettings alerts) {
        return patterns(signals(events, settings, reference, alerts), alerts);
    }

    /**
     * The deadline clock's signals, timestamped for the CEP operators (live mode: emission time and
     * the wall-clock watermark).
     */
    public static DataStream<ClockSignal> signals(
            DataStream<CaseEventRow> events, JobSettings settings, ReferenceData reference, AlertSettings alerts) {
        // Events already keyed by case (the workflow's forward of them) are not shuffled again.
        KeyedStream<CaseEventRow, String> byCase = events instanceof KeyedStream<CaseEventRow, ?> k
                ? asByCase(k)
                : events.keyBy(r -> r.event().caseId(), Types.STRING);
        DataStream<ClockSignal> signals = byCase.process(
                        new DeadlineClock(reference, alerts, settings.live(), settings.asOfMillis()))
                .returns(TypeInformation.of(ClockSignal.class))
                .name("alerts-deadline-clock")
                .uid("alerts-deadline-clock");
        if (settings.live()) {
            signals = signals.assignTimestampsAndWatermarks(WallClockWatermarks.strategy())
                    .name("alerts-wall-clock")
                    .uid("alerts-wall-clock");
        }
        return signals;
    }

    /** The four CEP operators over the clock's signals. */
    public static DataStream<Alert> patterns(DataStream<ClockSignal> signals, AlertSettings alerts) {
        DataStream<Alert> deadlines =
                match(signals, TICKS, true, DeadlineAlerts.pattern(), new DeadlineAlerts.Emit(), "alerts-deadline");
        DataStream<Alert> reworks = match(
                signals,
                DISPATCH_SIGNALS,
                true,
                EscalationPatterns.reworkRepeated(alerts.escalationWindow()),
                new EscalationAlerts(AlertType.REWORK_REPEATED),
                "alerts-rework-repeated");
        DataStream<Alert> returns = match(
                signals,
                RETURN_SIGNALS,
                false,
                EscalationPatterns.returnRepeated(alerts.escalationWindow()),
                new EscalationAlerts(AlertType.RETURN_REPEATED),
                "alerts-return-repeated");
        DataStream<Alert> supervised = match(
                signals,
                EnumSet.of(SignalKind.SUPERVISED),
                false,
                EscalationPatterns.supervised(),
                new EscalationAlerts(AlertType.SUPERVISED),
                "alerts-supervised");
        return deadlines.union(reworks, returns, supervised);
    }

    /** Builds the alerts and sends them to the alerts table and topic. */
    public static void wire(
            DataStream<CaseEventRow> events,
            JobSettings settings,
            ReferenceData reference,
            AlertSettings alerts,
            Outputs outputs) {
        outputs.alerts(build(events, settings, reference, alerts), "case-clock");
    }

    @SuppressWarnings("unchecked")
    private static KeyedStream<CaseEventRow, String> asByCase(KeyedStream<CaseEventRow, ?> k) {
        if (!Types.STRING.equals(k.getKeyType())) {
            throw new IllegalArgumentException("the deadline clock needs its events keyed by caseId (a String)");
        }
        return (KeyedStream<CaseEventRow, String>) k;
    }

    private static DataStream<Alert> match(
            DataStream<ClockSignal> signals,
            Set<SignalKind> kinds,
            boolean byDispatch,
            Pattern<ClockSignal, ClockSignal> pattern,
            PatternProcessFunction<ClockSignal, Alert> fn,
            String name) {
        EnumSet<SignalKind> wanted = EnumSet.copyOf(kinds);
        KeyedStream<ClockSignal, String> keyed = signals.filter(s -> wanted.contains(s.kind()))
                .name(name + "-signals")
                .uid(name + "-signals")
                .keyBy(byDispatch ? ClockSignal::dispatchKey : ClockSignal::caseId, Types.STRING);
        return CEP.pattern(keyed, pattern, new SignalOrder())
                .inEventTime()
                .process(fn, TypeInformation.of(Alert.class))
                .name(name)
                .uid(name);
    }
}
