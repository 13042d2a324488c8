package io.gridpulse.flink.alerts.deadline;

import io.gridpulse.domain.alert.clock.DeadlineSchedule;
import java.io.Serializable;
import java.time.Duration;

/**
 * The settings of the case alerts of the deadline clock and the escalation patterns (docs/alerts.md).
 * Immutable and serializable.
 *
 * @param warningShare s: OVERDUE_WARNING fires at start + s x (deadline - start); in (0, 1]
 * @param grace live mode: an alert fires when the wall clock passes its instant plus this (room for
 *     late events); ignored by {@code process}, which knows the complete input
 * @param retention how long the clock and the patterns remember a case after its last event once it
 *     is CLOSED or CANCELLED (live mode; {@code process} forgets at the end of its input)
 * @param escalationWindow the CEP {@code within} of the escalation patterns, null for none (the
 *     default): a second REWORK or RETURNED later than this after the DISPATCHED or the case's first
 *     event is then not alerted (see EscalationPatterns for why none is the default)
 */
public record AlertSettings(double warningShare, Duration grace, Duration retention, Duration escalationWindow)
        implements Serializable {

    public static final Duration DEFAULT_GRACE = Duration.ZERO;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public AlertSettings {
        if (!(warningShare > 0 && warningShare <= 1)) {
            throw new IllegalArgumentException("the warning share must be in (0, 1], got " + warningShare);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the alert grace must not be negative, got " + grace);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("the retention must not be negative, got " + retention);
        }
        if (escalationWindow != null && (escalationWindow.isNegative() || escalationWindow.isZero())) {
            throw new IllegalArgumentException("the escalation window must be positive, got " + escalationWindow);
        }
    }

    public static AlertSettings defaults() {
        return new AlertSettings(DeadlineSchedule.DEFAULT_WARNING_SHARE, DEFAULT_GRACE, DEFAULT_RETENTION, null);
    }

    public AlertSettings withWarningShare(double s) {
        return new AlertSettings(s, grace, retention, escalationWindow);
    }

    public AlertSettings withEscalationWindow(Duration w) {
        return new AlertSettings(warningShare, grace, retention, w);
    }

    public AlertSettings withGrace(Duration g) {
        return new AlertSettings(warningShare, g, retention, escalationWindow);
    }
}
