package io.gridpulse.flink.alerts.deadline;

import static io.gridpulse.domain.model.CaseEventType.CLOSED;
import static io.gridpulse.domain.model.CaseEventType.DISPATCHED;
import static io.gridpulse.domain.model.CaseEventType.DISPOSED;
import static io.gridpulse.domain.model.CaseEventType.POSTPONED;
import static io.gridpulse.domain.model.CaseEventType.RESUMED;
import static io.gridpulse.domain.model.CaseEventType.RETURNED;
import static io.gridpulse.domain.model.CaseEventType.REWORK;
import static io.gridpulse.domain.model.CaseEventType.SUPERVISED;
import static io.gridpulse.domain.model.CaseEventType.SUSPENDED;
import static io.gridpulse.flink.alerts.deadline.ClockRig.bj;
import static io.gridpulse.flink.alerts.deadline.ClockRig.ev;
import static io.gridpulse.flink.alerts.deadline.ClockRig.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.model.CaseEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deadline clock and the CEP patterns, bounded mode ({@code process}) unless named live. One
 * dispatch, D1, starts at 1h (hours after {@link #T0}) with an explicit deadline at 11h, so its
 * warning instant is 1h + 0.8 x 10h = 9h.
 */
class DeadlineClockTest {

    static final long H = 3_600_000L;
    static final long T0 = bj("2026-10-12T08:00");
    static final long END = T0 + 30 * 24 * H;

    private static ClockRig bounded(long asOf) throws Exception {
        return new ClockRig(AlertSettings.defaults(), false, asOf);
    }

    private static long at(double hours) {
        return T0 + Math.round(hours * H);
    }

    private static ClockRig dispatchedCase(long asOf) throws Exception {
        return bounded(asOf).send(reported("R", at(0)), ev("D1", DISPATCHED, at(1), "DEPT-A", at(11)));
    }

    @Test
    void openDispatchWarnsAtTheShareAndIsOverdueAtItsDeadline() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@11h");
            assertThat(r.signals(ClockSignal::kind))
                    .containsSubsequence(SignalKind.WARNING_DUE, SignalKind.OVERDUE_DUE);
            Alert overdue = r.alerts().get(1);
            assertThat(overdue.alertId()).isEqualTo(Alert.id(AlertType.OVERDUE, "D1", at(11)));
            assertThat(overdue.caseId()).isEqualTo(ClockRig.CASE);
            assertThat(overdue.dispatchId()).isEqualTo("D1");
            assertThat(overdue.department()).isEqualTo("DEPT-A");
            assertThat(overdue.gridCode()).isEqualTo("G1");
            assertThat(overdue.categoryCode()).isEqualTo(ClockRig.CATEGORY);
            assertThat(overdue.details()).contains("\"deadlineSource\":\"EXPLICIT\"");
        }
    }

    @Test
    void noWatermarkNoAlert() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            assertThat(r.alerts()).isEmpty();
            r.watermark(at(10));
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
        }
    }

    @Test
    void catalogueDeadlineWhenTheDispatchHasNone() throws Exception {
        // 2h natural: deadline 3h, warning 1h + 0.8 x 2h = 2.6h
        try (ClockRig r = bounded(END)) {
            r.send(reported("R", at(0)), ev("D1", DISPATCHED, at(1), "DEPT-A", null));
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@2.60h", "OVERDUE@3h");
            assertThat(r.alerts().get(1).details()).contains("CATALOGUE");
        }
    }

    @Test
    void disposedBeforeTheWarningRaisesNothing() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(5))).watermark(Long.MAX_VALUE);
            assertThat(r.alerts()).isEmpty();
            // both candidates were checked at their instants, and neither held: no tick was sent
            assertThat(r.signals(ClockSignal::kind)).doesNotContain(SignalKind.WARNING_DUE, SignalKind.OVERDUE_DUE);
        }
    }

    @Test
    void candidatesAfterTheirDispatchEndedSetNoTimer() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(3)), ev("C", CLOSED, at(4))).watermark(at(4));
            assertThat(r.clockTimers())
                    .as("the warning at 9h and the deadline at 11h: " + r.census())
                    .isZero();
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alerts()).isEmpty();
        }
    }

    @Test
    void aCandidateBeforeItsDispatchEndsIsStillChecked() throws Exception {
        // closed at 10h, after the warning instant (9h) and before the deadline (11h): the warning holds
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("C", CLOSED, at(10))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
        }
    }

    @Test
    void disposalExactlyAtTheDeadlineIsOnTime() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(11))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
        }
    }

    @Test
    void postponedBeforeTheWarningInstantMovesTheWarning() throws Exception {
        // new deadline 21h set at 8h: the old warning (9h) is for a deadline no longer in force;
        // the new one is at 1h + 0.8 x 20h = 17h
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("P", POSTPONED, at(8), null, at(21))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@17h", "OVERDUE@21h");
        }
    }

    @Test
    void postponedAfterTheWarningInstantWarnsForBothDeadlines() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("P", POSTPONED, at(10), null, at(21))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE_WARNING@17h", "OVERDUE@21h");
            assertThat(r.alerts().stream().map(Alert::alertId).distinct()).hasSize(3);
        }
    }

    @Test
    void postponedWhenTheNewWarningInstantIsAlreadyPastWarnsNot() throws Exception {
        // overdue at 11h, postponed at 18h to 20h: 1h + 0.8 x 19h = 16.2h is not after 18h
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("P", POSTPONED, at(18), null, at(20))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@11h", "OVERDUE@20h");
        }
    }

    @Test
    void suspensionAcrossTheDeadlineMovesIt() throws Exception {
        // paused 10h-14h: deadline 11h -> 15h; its warning 1h + 0.8 x 14h = 12.2h is not after 14h
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("S", SUSPENDED, at(10)), ev("U", RESUMED, at(14))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@15h");
            assertThat(r.alerts().get(1).details()).contains("RESUMED");
        }
    }

    @Test
    void stillSuspendedAtTheDeadlineIsNotOverdue() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("S", SUSPENDED, at(10))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
        }
    }

    @Test
    void reworkAfterTheDeadlineWithoutNewDeadlineIsOverdueAtTheRework() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(10)), ev("W", REWORK, at(13))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@13h");
            assertThat(r.alerts().get(1).alertId()).isEqualTo(Alert.id(AlertType.OVERDUE, "D1", at(11)));
        }
    }

    @Test
    void reworkAfterTheDeadlineWithNewDeadlineRearms() throws Exception {
        // new deadline 23h at 13h: warning 1h + 0.8 x 22h = 18.6h
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(10)), ev("W", REWORK, at(13), null, at(23)))
                    .watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE_WARNING@18.60h", "OVERDUE@23h");
        }
    }

    @Test
    void reworkAfterAnOverdueOfTheSameDeadlineIsNotAlertedAgain() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(12)), ev("W", REWORK, at(13))).watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@11h");
        }
    }

    @Test
    void secondReworkOfADispatchEscalatesOnce() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(
                            ev("X1", DISPOSED, at(2)),
                            ev("W1", REWORK, at(3)),
                            ev("X2", DISPOSED, at(4)),
                            ev("W2", REWORK, at(5)),
                            ev("X3", DISPOSED, at(6)),
                            ev("W3", REWORK, at(7)),
                            ev("X4", DISPOSED, at(8)))
                    .watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("REWORK_REPEATED@5h");
            assertThat(r.alerts().get(0).alertId()).isEqualTo(Alert.id(AlertType.REWORK_REPEATED, "D1"));
        }
    }

    @Test
    void aSecondReworkAtTheInstantItsDispatchIsReturnedStillCounts() throws Exception {
        // REWORK sorts before RETURNED at one instant: it belongs to D1, which the RETURNED then ends
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("W1", REWORK, at(3)), ev("W2", REWORK, at(5)), ev("B1", RETURNED, at(5), "DEPT-A", null))
                    .watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("REWORK_REPEATED@5h");
        }
    }

    @Test
    void reworksOfTwoDispatchesDoNotAddUp() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(
                            ev("X1", DISPOSED, at(2)),
                            ev("W1", REWORK, at(3)),
                            ev("X2", DISPOSED, at(4)),
                            ev("D2", DISPATCHED, at(5), "DEPT-B", at(50)),
                            ev("X3", DISPOSED, at(6)),
                            ev("W3", REWORK, at(7)),
                            ev("X4", DISPOSED, at(8)))
                    .watermark(Long.MAX_VALUE);
            assertThat(r.alerts()).isEmpty();
        }
    }

    @Test
    void secondReturnOfACaseEscalatesOnce() throws Exception {
        try (ClockRig r = bounded(END)) {
            r.send(
                            reported("R", at(0)),
                            ev("D1", DISPATCHED, at(1), "DEPT-A", at(50)),
                            ev("B1", RETURNED, at(2), "DEPT-A", null),
                            ev("D2", DISPATCHED, at(3), "DEPT-B", at(50)),
                            ev("B-other", RETURNED, at(4), "DEPT-C", null),
                            ev("B2", RETURNED, at(5), "DEPT-B", null),
                            ev("D3", DISPATCHED, at(6), "DEPT-C", at(50)),
                            ev("B3", RETURNED, at(7), "DEPT-C", null))
                    .watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("RETURN_REPEATED@5h");
            assertThat(r.alerts().get(0).alertId()).isEqualTo(Alert.id(AlertType.RETURN_REPEATED, ClockRig.CASE));
        }
    }

    @Test
    void everySupervisedEventIsAnAlert() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("V1", SUPERVISED, at(2)), ev("V2", SUPERVISED, at(3)), ev("X", DISPOSED, at(4)))
                    .watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("SUPERVISED@2h", "SUPERVISED@3h");
            assertThat(r.alerts().get(0).dispatchId()).isEqualTo("D1");
        }
    }

    @Test
    void nothingAfterTheAsOfTimeFiresEvenAtTheEndOfInput() throws Exception {
        try (ClockRig r = dispatchedCase(at(10))) {
            r.watermark(at(10));
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
            r.watermark(Long.MAX_VALUE); // the end of a bounded input
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
        }
    }

    @Test
    void aDeadlineExactlyAtTheAsOfTimeFires() throws Exception {
        try (ClockRig r = dispatchedCase(at(11))) {
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@11h");
        }
    }

    @Test
    void liveModeActsAtOnceOnEventsArrivingAfterTheirInstants() throws Exception {
        try (ClockRig r = new ClockRig(AlertSettings.defaults(), true, Long.MAX_VALUE)) {
            r.wallClock(at(20));
            r.send(reported("R", at(0)), ev("D1", DISPATCHED, at(1), "DEPT-A", at(11)));
            assertThat(r.alerts()).isEmpty();
            r.wallClock(at(20) + 1);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@11h");
        }
    }

    @Test
    void eventsArrivingOutOfOrderBeforeTheWatermarkGiveTheSameAlerts() throws Exception {
        try (ClockRig r = bounded(END)) {
            r.send(
                    ev("W", REWORK, at(13)),
                    ev("X", DISPOSED, at(10)),
                    ev("D1", DISPATCHED, at(1), "DEPT-A", at(11)),
                    reported("R", at(0)),
                    ev("X", DISPOSED, at(10)));
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@13h");
        }
    }

    private static boolean settled(ClockRig r) throws Exception {
        var backend = r.clock.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(ClockRig.CASE);
        return backend.getPartitionedState(
                                org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                                DeadlineClock.settledEventsDescriptor())
                        .value()
                != null;
    }

    @Test
    void boundedAnEndedCaseWithNothingLeftToTimeSettlesPacked() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(3)), ev("C", CLOSED, at(4))).watermark(at(3));
            assertThat(settled(r)).as("not before its last event").isFalse();
            r.watermark(at(4));
            assertThat(settled(r)).isTrue();
        }
    }

    @Test
    void settlingDeletesTheTimersOfCandidatesArmedBeforeTheCaseEnded() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.watermark(at(1));
            assertThat(r.clockTimers())
                    .as("the warning at 9h and the deadline at 11h")
                    .isEqualTo(2);
            r.send(ev("X", DISPOSED, at(3)), ev("C", CLOSED, at(4))).watermark(at(4));
            assertThat(settled(r)).isTrue();
            assertThat(r.clockTimers()).as(r.census()).isZero();
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alerts()).isEmpty();
        }
    }

    @Test
    void boundedAnOpenCaseOrOneWithAnEventAheadDoesNotSettle() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.watermark(at(5));
            assertThat(settled(r)).as("open").isFalse();
        }
        try (ClockRig r = dispatchedCase(END)) {
            // closed at 10h, after the warning (9h): the warning fires first, the case settles at 10h
            r.send(ev("C", CLOSED, at(10))).watermark(at(9));
            assertThat(settled(r)).as("its CLOSED is still ahead").isFalse();
            r.watermark(at(10));
            assertThat(settled(r)).isTrue();
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
        }
    }

    @Test
    void aSettledCaseReopenedLaterGivesTheAlertsOfACaseNeverSettled() throws Exception {
        // closed at 4h, settled; reopened at 20h by a dispatch whose deadline passes (30h), returned twice
        CaseEvent[] later = {
            ev("D2", DISPATCHED, at(20), "DEPT-B", at(30)),
            ev("B1", RETURNED, at(21), "DEPT-B", null),
            ev("D3", DISPATCHED, at(22), "DEPT-B", at(30)),
            ev("B2", RETURNED, at(23), "DEPT-B", null),
            ev("D4", DISPATCHED, at(24), "DEPT-A", at(30)),
            ev("V", SUPERVISED, at(25))
        };
        List<String> reference;
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(3)), ev("C", CLOSED, at(4))).send(later);
            r.watermark(Long.MAX_VALUE);
            reference = r.alertsAt(T0);
        }
        try (ClockRig r = dispatchedCase(END)) {
            r.send(ev("X", DISPOSED, at(3)), ev("C", CLOSED, at(4))).watermark(at(10));
            assertThat(settled(r)).isTrue();
            r.send(later);
            assertThat(settled(r)).as("unpacked by the new event").isFalse();
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0))
                    .isEqualTo(reference)
                    .contains("OVERDUE_WARNING@28.80h", "OVERDUE@30h", "RETURN_REPEATED@23h", "SUPERVISED@25h");
        }
    }

    @Test
    void packedStringsRoundTrip() throws Exception {
        List<String> keys = List.of("opened", "e:E1", "", "c:OVERDUE|D1|1@2", "长".repeat(100));
        assertThat(DeadlineClock.unpackStrings(DeadlineClock.packStrings(keys))).isEqualTo(keys);
        assertThat(DeadlineClock.unpackStrings(DeadlineClock.packStrings(List.of())))
                .isEmpty();
    }

    @Test
    void boundedAClosedCaseHasNoTimerLeftAfterItsLastInstantAndKeepsItsStateForTheRunsEnd() throws Exception {
        try (ClockRig r = dispatchedCase(END)) {
            r.send(
                    ev("W1", REWORK, at(3)),
                    ev("W2", REWORK, at(4)),
                    ev("V", SUPERVISED, at(4)),
                    ev("B1", RETURNED, at(5), "DEPT-A", null),
                    ev("D2", DISPATCHED, at(6), "DEPT-B", at(40)),
                    ev("W3", REWORK, at(7)),
                    ev("C", CLOSED, at(8)));
            r.watermark(at(20));
            assertThat(r.stateEntries()).isPositive();
            r.watermark(at(40));
            // no forget timer: it would fire for every ended case at once when the input ends
            assertThat(r.clockTimers()).as(r.census()).isZero();
            r.watermark(Long.MAX_VALUE);
            assertThat(r.alertsAt(T0)).containsExactly("REWORK_REPEATED@4h", "SUPERVISED@4h");
        }
    }

    @Test
    void liveModeFiresWhenTheWallClockPassesTheInstantPlusGrace() throws Exception {
        AlertSettings s = AlertSettings.defaults().withGrace(Duration.ofMinutes(5));
        try (ClockRig r = new ClockRig(s, true, Long.MAX_VALUE)) {
            r.wallClock(at(0));
            r.send(reported("R", at(0)), ev("D1", DISPATCHED, at(1), "DEPT-A", at(11)));
            r.wallClock(at(11));
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
            r.wallClock(at(11) + 5 * 60_000 - 1);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h");
            r.wallClock(at(11) + 5 * 60_000);
            assertThat(r.alertsAt(T0)).containsExactly("OVERDUE_WARNING@9h", "OVERDUE@11h");
            // a disposal arriving late withdraws nothing
            r.send(ev("X", DISPOSED, at(10))).wallClock(at(12));
            assertThat(r.alerts()).hasSize(2);
        }
    }

    @Test
    void liveModeForgetsAClosedCaseAfterRetention() throws Exception {
        AlertSettings s = AlertSettings.defaults();
        try (ClockRig r = new ClockRig(s, true, Long.MAX_VALUE)) {
            r.wallClock(at(0));
            r.send(
                    reported("R", at(0)),
                    ev("D1", DISPATCHED, at(1), "DEPT-A", at(11)),
                    ev("B1", RETURNED, at(2), "DEPT-A", null),
                    ev("C", CLOSED, at(3)));
            r.wallClock(at(4));
            assertThat(r.stateEntries()).isPositive();
            r.wallClock(at(3) + s.retention().toMillis());
            // CEP prunes a key's emptied NFA at the watermark after the one that emptied it
            r.wallClock(at(3) + s.retention().toMillis() + 200);
            assertThat(r.alerts()).isEmpty();
            assertThat(r.stateEntries()).as(r.census()).isZero();
            assertThat(r.timers()).isZero();
        }
    }
}
