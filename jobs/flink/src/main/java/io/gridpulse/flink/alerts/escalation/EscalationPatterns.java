package io.gridpulse.flink.alerts.escalation;

import io.gridpulse.flink.alerts.deadline.ClockSignal;
import io.gridpulse.flink.alerts.deadline.SignalKind;
import java.time.Duration;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/**
 * The escalation patterns (issue #4 item 5) over the deadline clock's signals. Each is anchored at
 * an event that happens once per key (the DISPATCHED of a dispatch, the first signal of a case), so
 * it matches at most once per key, and is cut by the key's end ({@code notFollowedBy}), so no
 * partial match outlives its dispatch or its case.
 *
 * <p>{@code within} is optional and off by default. Flink's CepOperator (2.2) registers, for each
 * new partial match of a pattern with a window, a timer at its start + window, and keeps the key's
 * state until that timer: a window long enough not to miss a slow second REWORK (months) would hold
 * every finished dispatch's state for months. Cut by the end of their key instead, partial matches
 * live exactly as long as their dispatch is open or their case is remembered by the clock, and the
 * key's state goes at the next watermark (FLINK-32701's clean-up in the event-time path).
 */
public final class EscalationPatterns {

    private EscalationPatterns() {}

    /** 多次返工: keyed by dispatch, DISPATCHED, REWORK, REWORK, no DISPATCH_ENDED between. */
    public static Pattern<ClockSignal, ClockSignal> reworkRepeated(Duration within) {
        Pattern<ClockSignal, ClockSignal> p = Pattern.<ClockSignal>begin(
                        "dispatched", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(is(SignalKind.DISPATCHED))
                .notFollowedBy("ended-before-first")
                .where(is(SignalKind.DISPATCH_ENDED))
                .followedBy("first")
                .where(is(SignalKind.REWORK))
                .notFollowedBy("ended-before-second")
                .where(is(SignalKind.DISPATCH_ENDED))
                .followedBy("second")
                .where(is(SignalKind.REWORK));
        return within == null ? p : p.within(within);
    }

    /** 推诿: keyed by case, CASE_OPENED, RETURNED, RETURNED, the case not forgotten between. */
    public static Pattern<ClockSignal, ClockSignal> returnRepeated(Duration within) {
        Pattern<ClockSignal, ClockSignal> p = Pattern.<ClockSignal>begin(
                        "opened", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(is(SignalKind.CASE_OPENED))
                .notFollowedBy("forgotten-before-first")
                .where(is(SignalKind.CASE_FORGOTTEN))
                .followedBy("first")
                .where(is(SignalKind.RETURNED))
                .notFollowedBy("forgotten-before-second")
                .where(is(SignalKind.CASE_FORGOTTEN))
                .followedBy("second")
                .where(is(SignalKind.RETURNED));
        return within == null ? p : p.within(within);
    }

    /** 督办: keyed by case, every SUPERVISED. */
    public static Pattern<ClockSignal, ClockSignal> supervised() {
        return Pattern.<ClockSignal>begin("supervised").where(is(SignalKind.SUPERVISED));
    }

    private static SimpleCondition<ClockSignal> is(SignalKind kind) {
        return SimpleCondition.of(s -> s.kind() == kind);
    }
}
