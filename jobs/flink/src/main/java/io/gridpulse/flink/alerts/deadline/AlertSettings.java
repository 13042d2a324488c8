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
 * @param escalationWindow the CEP {@code within} of the escalation patterns: a bound on how long a
 *     partial match (a dispatch with one REWORK, a case with one RETURNED) is kept
 */
public record AlertSettings(double warningShare, Duration grace, Duration retention, Duration escalationWindow)
        implements Serializable {

    public static final Duration DEFAULT_GRACE = Duration.ZERO;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_ESCALATION_WINDOW = Duration.ofDays(365);

    public AlertSettings {
        if (!(warningShare > 0 && warningShare <= 1)) {
            throw new IllegalArgumentException("the warning share must be in (0, 1], got " + warningShare);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the alert grace must not be negative, got " + grace);
        }
        if (retention.isNegative() || escalationWindow.isNegative() || escalationWindow.isZero()) {
            throw new IllegalArgumentException("retention and escalation window must be positive");
        }
    }

    public static AlertSettings defaults() {
        return new AlertSettings(
                DeadlineSchedule.DEFAULT_WARNING_SHARE, DEFAULT_GRACE, DEFAULT_RETENTION, DEFAULT_ESCALATION_WINDOW);
    }

    public AlertSettings withWarningShare(double s) {
        return new AlertSettings(s, grace, retention, escalationWindow);
    }

    public AlertSettings withGrace(Duration g) {
        return new AlertSettings(warningShare, g, retention, escalationWindow);
    }
}
