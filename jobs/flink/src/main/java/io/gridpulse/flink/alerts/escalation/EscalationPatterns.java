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
 * partial match outlives its dispatch or its case; {@code within} bounds what is left (a dispatch
 * or case that never ends).
 */
public final class EscalationPatterns {

    private EscalationPatterns() {}

    /** 多次返工: keyed by dispatch, DISPATCHED, REWORK, REWORK, no DISPATCH_ENDED between. */
    public static Pattern<ClockSignal, ClockSignal> reworkRepeated(Duration within) {
        return Pattern.<ClockSignal>begin("dispatched", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(is(SignalKind.DISPATCHED))
                .notFollowedBy("ended-before-first")
                .where(is(SignalKind.DISPATCH_ENDED))
                .followedBy("first")
                .where(is(SignalKind.REWORK))
                .notFollowedBy("ended-before-second")
                .where(is(SignalKind.DISPATCH_ENDED))
                .followedBy("second")
                .where(is(SignalKind.REWORK))
                .within(within);
    }

    /** 推诿: keyed by case, CASE_OPENED, RETURNED, RETURNED, the case not forgotten between. */
    public static Pattern<ClockSignal, ClockSignal> returnRepeated(Duration within) {
        return Pattern.<ClockSignal>begin("opened", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(is(SignalKind.CASE_OPENED))
                .notFollowedBy("forgotten-before-first")
                .where(is(SignalKind.CASE_FORGOTTEN))
                .followedBy("first")
                .where(is(SignalKind.RETURNED))
                .notFollowedBy("forgotten-before-second")
                .where(is(SignalKind.CASE_FORGOTTEN))
                .followedBy("second")
                .where(is(SignalKind.RETURNED))
                .within(within);
    }

    /** 督办: keyed by case, every SUPERVISED. */
    public static Pattern<ClockSignal, ClockSignal> supervised() {
        return Pattern.<ClockSignal>begin("supervised").where(is(SignalKind.SUPERVISED));
    }

    private static SimpleCondition<ClockSignal> is(SignalKind kind) {
        return SimpleCondition.of(s -> s.kind() == kind);
    }
}
