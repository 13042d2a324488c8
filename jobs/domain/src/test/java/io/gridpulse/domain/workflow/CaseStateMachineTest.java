package io.gridpulse.domain.workflow;

import static io.gridpulse.domain.model.CaseEventType.CANCELLED;
import static io.gridpulse.domain.model.CaseEventType.CHECKED;
import static io.gridpulse.domain.model.CaseEventType.CLOSED;
import static io.gridpulse.domain.model.CaseEventType.DISPOSED;
import static io.gridpulse.domain.model.CaseEventType.REGISTERED;
import static io.gridpulse.domain.model.CaseEventType.RESUMED;
import static io.gridpulse.domain.model.CaseEventType.SUPERVISED;
import static io.gridpulse.domain.model.CaseEventType.SUSPENDED;
import static io.gridpulse.domain.model.CaseEventType.VERIFIED;
import static io.gridpulse.domain.workflow.CaseFixture.CASE;
import static io.gridpulse.domain.workflow.CaseFixture.GARBAGE;
import static io.gridpulse.domain.workflow.CaseFixture.MANHOLE;
import static io.gridpulse.domain.workflow.CaseFixture.MUCK;
import static io.gridpulse.domain.workflow.CaseFixture.NO_LIMIT;
import static io.gridpulse.domain.workflow.CaseFixture.at;
import static io.gridpulse.domain.workflow.CaseFixture.bj;
import static io.gridpulse.domain.workflow.CaseFixture.dispatched;
import static io.gridpulse.domain.workflow.CaseFixture.postponed;
import static io.gridpulse.domain.workflow.CaseFixture.replay;
import static io.gridpulse.domain.workflow.CaseFixture.reported;
import static io.gridpulse.domain.workflow.CaseFixture.returned;
import static io.gridpulse.domain.workflow.CaseFixture.rework;
import static io.gridpulse.domain.workflow.CaseFixture.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseSource;
import io.gridpulse.domain.workflow.DeadlineChange.Cause;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Worked examples of contracts.md "Dispatches", on Tuesday 13 October 2026 (Beijing time). */
class CaseStateMachineTest {

    @Test
    void straight_case_reported_to_closed() {
        CaseTimeline t = timeline(
                reported("e1", "2026-10-13T08:30", GARBAGE),
                at("e2", VERIFIED, "2026-10-13T08:40"),
                at("e3", REGISTERED, "2026-10-13T08:50"),
                dispatched("e4", "2026-10-13T09:00", "D-SANITATION"),
                at("e5", DISPOSED, "2026-10-13T14:30"),
                at("e6", CHECKED, "2026-10-13T15:10"),
                at("e7", CLOSED, "2026-10-13T15:30"));
        CaseState s = replay(t, "2026-10-31T00:00");

        assertThat(s.caseId()).isEqualTo(CASE);
        assertThat(s.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(s.reportedAt()).isEqualTo(bj("2026-10-13T08:30"));
        assertThat(s.source()).isEqualTo(CaseSource.INSPECTOR);
        assertThat(s.categoryCode()).isEqualTo(GARBAGE);
        assertThat(s.crs()).isEqualTo(Crs.GCJ02);
        assertThat(s.lon()).isEqualTo(118.7969);
        assertThat(s.inspectorId()).isEqualTo("INS-007");
        assertThat(s.verifiedAt()).isEqualTo(bj("2026-10-13T08:40"));
        assertThat(s.registeredAt()).isEqualTo(bj("2026-10-13T08:50"));
        assertThat(s.firstDispatchedAt()).isEqualTo(bj("2026-10-13T09:00"));
        assertThat(s.checkedAt()).isEqualTo(bj("2026-10-13T15:10"));
        assertThat(s.closedAt()).isEqualTo(bj("2026-10-13T15:30"));
        assertThat(s.cancelledAt()).isNull();
        assertThat(s.lastEventTime()).isEqualTo(bj("2026-10-13T15:30"));
        assertThat(s.dispatchCount()).isEqualTo(1);
        assertThat(s.returnCount()).isZero();

        Dispatch d = s.dispatches().get(0);
        assertThat(d.dispatchId()).isEqualTo("e4");
        assertThat(d.caseId()).isEqualTo(CASE);
        assertThat(d.department()).isEqualTo("D-SANITATION");
        // 09:00 + 4 working hours: 3 h to 12:00, 1 h after the lunch break
        assertThat(d.deadline()).isEqualTo(bj("2026-10-13T15:00"));
        assertThat(d.initialDeadline()).isEqualTo(bj("2026-10-13T15:00"));
        assertThat(d.deadlineSource()).isEqualTo(DeadlineSource.CATALOGUE);
        assertThat(d.deadlineChanges())
                .containsExactly(new DeadlineChange(bj("2026-10-13T09:00"), bj("2026-10-13T15:00"), Cause.CATALOGUE));
        assertThat(d.disposed()).isTrue();
        assertThat(d.disposedAt()).isEqualTo(bj("2026-10-13T14:30"));
        assertThat(d.deadlineAtDisposal()).isEqualTo(bj("2026-10-13T15:00"));
        assertThat(d.onTime()).isTrue();
        assertThat(d.endTime()).isEqualTo(bj("2026-10-13T15:30"));
        assertThat(d.endReason()).isEqualTo(DispatchEnd.CLOSED);
        assertThat(d.due()).isTrue();
        assertThat(d.overdueAt(bj("2026-10-20T00:00"))).isFalse();
        assertThat(s.openDispatch()).isEmpty();
    }

    @Test
    void status_walks_through_the_workflow() {
        CaseTimeline t = timeline(
                reported("e1", "2026-10-13T08:30", GARBAGE),
                at("e2", VERIFIED, "2026-10-13T08:40"),
                at("e3", REGISTERED, "2026-10-13T08:50"),
                dispatched("e4", "2026-10-13T09:00", "D1"),
                at("e5", DISPOSED, "2026-10-13T14:30"),
                at("e6", CHECKED, "2026-10-13T15:10"));
        assertThat(replay(t, "2026-10-13T08:35").status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(replay(t, "2026-10-13T08:45").status()).isEqualTo(CaseStatus.VERIFIED);
        assertThat(replay(t, "2026-10-13T08:55").status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(replay(t, "2026-10-13T10:00").status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(replay(t, "2026-10-13T15:00").status()).isEqualTo(CaseStatus.DISPOSED);
        assertThat(replay(t, "2026-10-13T16:00").status()).isEqualTo(CaseStatus.CHECKED);
        assertThat(replay(t, "2026-10-13T08:00").status()).isNull();
        assertThat(replay(t, "2026-10-13T08:00").lastEventTime()).isNull();
    }

    @Nested
    class ReturnsAndRedispatch {
        @Test
        void return_and_redispatch() {
            CaseState s = replay(
                    timeline(
                            reported("e1", "2026-10-13T08:30", GARBAGE),
                            dispatched("e2", "2026-10-13T09:00", "D1"),
                            returned("e3", "2026-10-13T10:00", "D1"),
                            dispatched("e4", "2026-10-13T10:30", "D2"),
                            at("e5", DISPOSED, "2026-10-13T16:00")),
                    "2026-10-14T00:00");
            assertThat(s.dispatchCount()).isEqualTo(2);
            assertThat(s.returnCount()).isEqualTo(1);
            Dispatch first = s.dispatches().get(0);
            assertThat(first.endReason()).isEqualTo(DispatchEnd.RETURNED);
            assertThat(first.endTime()).isEqualTo(bj("2026-10-13T10:00"));
            assertThat(first.returned()).isTrue();
            assertThat(first.endedBeforeAnyDisposal()).isTrue();
            assertThat(first.due()).isFalse();
            assertThat(first.onTime()).isNull();
            Dispatch second = s.dispatches().get(1);
            assertThat(second.department()).isEqualTo("D2");
            // 10:30 + 4 wh: 1.5 h to 12:00, 2.5 h from 14:00
            assertThat(second.deadline()).isEqualTo(bj("2026-10-13T16:30"));
            assertThat(second.onTime()).isTrue();
            assertThat(second.open()).isTrue();
            assertThat(s.status()).isEqualTo(CaseStatus.DISPOSED);
        }

        @Test
        void a_returned_dispatch_puts_the_case_back_to_registered() {
            CaseState s = replay(
                    timeline(
                            reported("e1", "2026-10-13T08:30", GARBAGE),
                            dispatched("e2", "2026-10-13T09:00", "D1"),
                            returned("e3", "2026-10-13T10:00", "D1")),
                    "2026-10-13T11:00");
            assertThat(s.status()).isEqualTo(CaseStatus.REGISTERED);
            assertThat(s.openDispatch()).isEmpty();
        }

        @Test
        void a_dispatch_without_return_ends_as_redispatched() {
            CaseState s = replay(
                    timeline(
                            reported("e1", "2026-10-13T08:30", GARBAGE),
                            dispatched("e2", "2026-10-13T09:00", "D1"),
                            dispatched("e3", "2026-10-13T09:30", "D2")),
                    "2026-10-13T11:00");
            assertThat(s.dispatches().get(0).endReason()).isEqualTo(DispatchEnd.REDISPATCHED);
            assertThat(s.dispatches().get(0).endTime()).isEqualTo(bj("2026-10-13T09:30"));
            assertThat(s.returnCount()).isZero();
            assertThat(s.openDispatch()).map(Dispatch::dispatchId).contains("e3");
        }

        @Test
        void a_return_naming_another_department_is_ignored() {
            CaseState s = replay(
                    timeline(
                            reported("e1", "2026-10-13T08:30", GARBAGE),
                            dispatched("e2", "2026-10-13T09:00", "D1"),
                            returned("e3", "2026-10-13T10:00", "D9"),
                            at("e4", DISPOSED, "2026-10-13T11:00")),
                    "2026-10-13T12:00");
            Dispatch d = s.dispatches().get(0);
            assertThat(d.open()).isTrue();
            assertThat(d.disposed()).isTrue();
            assertThat(s.returnCount()).isZero();
            assertThat(s.status()).isEqualTo(CaseStatus.DISPOSED);
        }

        @Test
        void a_return_after_disposal_ends_the_dispatch_still_disposed_and_due() {
            Dispatch d = replay(
                            timeline(
                                    reported("e1", "2026-10-13T08:30", GARBAGE),
                                    dispatched("e2", "2026-10-13T09:00", "D1"),
                                    at("e3", DISPOSED, "2026-10-13T10:00"),
                                    returned("e4", "2026-10-13T11:00", "D1")),
                            "2026-10-13T12:00")
                    .dispatches()
                    .get(0);
            assertThat(d.returned()).isTrue();
            assertThat(d.disposed()).isTrue();
            assertThat(d.due()).isTrue();
        }
    }

    @Nested
    class Rework {
        @Test
        void rework_without_a_new_deadline_keeps_the_deadline_and_the_late_disposal_counts() {
            CaseTimeline t = timeline(
                    reported("e1", "2026-10-13T08:30", GARBAGE),
                    dispatched("e2", "2026-10-13T09:00", "D1"),
                    at("e3", DISPOSED, "2026-10-13T11:00"),
                    rework("e4", "2026-10-13T14:00", null),
                    at("e5", DISPOSED, "2026-10-13T16:00"));
            Dispatch mid = replay(t, "2026-10-13T14:30").dispatches().get(0);
            assertThat(mid.disposed()).isFalse();
            assertThat(mid.disposedAt()).isNull();
            assertThat(mid.onTime()).isNull();
            assertThat(mid.overdueAt(bj("2026-10-13T14:30"))).isFalse();
            assertThat(replay(t, "2026-10-13T14:30").status()).isEqualTo(CaseStatus.DISPATCHED);

            Dispatch d = replay(t, "2026-10-13T17:00").dispatches().get(0);
            assertThat(d.reworkCount()).isEqualTo(1);
            assertThat(d.reworked()).isTrue();
            assertThat(d.disposed()).isTrue();
            assertThat(d.firstDisposedAt()).isEqualTo(bj("2026-10-13T11:00"));
            assertThat(d.disposedAt()).isEqualTo(bj("2026-10-13T16:00"));
            assertThat(d.deadline()).isEqualTo(bj("2026-10-13T15:00"));
            assertThat(d.deadlineSource()).isEqualTo(DeadlineSource.CATALOGUE);
            assertThat(d.deadlineAtDisposal()).isEqualTo(bj("2026-10-13T15:00"));
            assertThat(d.onTime()).isFalse();
        }

        @Test
        void rework_with_a_new_deadline_sets_it() {
            Dispatch d = replay(
                            timeline(
                                    reported("e1", "2026-10-13T08:30", GARBAGE),
                                    dispatched("e2", "2026-10-13T09:00", "D1"),
                                    at("e3", DISPOSED, "2026-10-13T11:00"),
                                    rework("e4", "2026-10-13T14:00", "2026-10-14T12:00"),
                                    at("e5", DISPOSED, "2026-10-14T10:00")),
                            "2026-10-15T00:00")
                    .dispatches()
                    .get(0);
            assertThat(d.deadline()).isEqualTo(bj("2026-10-14T12:00"));
            assertThat(d.initialDeadline()).isEqualTo(bj("2026-10-13T15:00"));
            assertThat(d.deadlineSource()).isEqualTo(DeadlineSource.REWORK);
            assertThat(d.deadlineAtDisposal()).isEqualTo(bj("2026-10-14T12:00"));
            assertThat(d.onTime()).isTrue();
            assertThat(d.deadlineChanges())
                    .containsExactly(
                            new DeadlineChange(bj("2026-10-13T09:00"), bj("2026-10-13T15:00"), Cause.CATALOGUE),
                            new DeadlineChange(bj("2026-10-13T14:00"), bj("2026-10-14T12:00"), Cause.REWORK));
        }

        @Test
        void rework_after_the_deadline_passed_makes_the_dispatch_overdue_at_once() {
            CaseTimeline t = timeline(
                    reported("e1", "2026-10-13T08:30", GARBAGE),
                    dispatched("e2", "2026-10-13T09:00", "D1"),
                    at("e3", DISPOSED, "2026-10-13T14:00"),
                    rework("e4", "2026-10-14T09:00", null),
                    at("e5", DISPOSED, "2026-10-14T11:00"));
            Dispatch before = replay(t, "2026-10-14T08:00").dispatches().get(0);
            assertThat(before.onTime()).isTrue();
            assertThat(before.overdueAt(bj("2026-10-14T08:00"))).isFalse();
            Dispatch reworked = replay(t, "2026-10-14T10:00").dispatches().get(0);
            assertThat(reworked.disposed()).isFalse();
            assertThat(reworked.overdueAt(bj("2026-10-14T10:00"))).isTrue();
            Dispatch after = replay(t, "2026-10-14T12:00").dispatches().get(0);
            assertThat(after.disposed()).isTrue();
            assertThat(after.onTime()).isFalse();
        }

        @Test
        void rework_with_no_open_dispatch_is_ignored() {
            CaseState s = replay(
                    timeline(
                            reported("e1", "2026-10-13T08:30", GARBAGE),
                            dispatched("e2", "2026-10-13T09:00", "D1"),
                            at("e3", DISPOSED, "2026-10-13T10:00"),
                            at("e4", CLOSED, "2026-10-13T11:00"),
                            rework("e5", "2026-10-13T12:00", null)),
                    "2026-10-13T13:00");
            assertThat(s.dispatches().get(0).reworkCount()).isZero();
            assertThat(s.dispatches().get(0).disposed()).isTrue();
            assertThat(s.status()).isEqualTo(CaseStatus.CLOSED);
        }
    }

    @Nested
    class Postponement {
        @Test
        void postponement_before_disposal_sets_the_deadline() {
            CaseTimeline t = timeline(
                    reported("e1", "2026-10-13T08:30", GARBAGE),
                    dispatched("e2", "2026-10-13T09:00", "D1"),
                    postponed("e3", "2026-10-13T13:00", "2026-10-15T18:00"),
                    at("e4", DISPOSED, "2026-10-15T10:00"));
            Dispatch open = replay(t, "2026-10-14T09:00").dispatches().get(0);
            assertThat(open.overdueAt(bj("2026-10-14T09:00"))).isFalse();
            Dispatch d = replay(t, "2026-10-16T00:00").dispatches().get(0);
            assertThat(d.postponeCount()).isEqualTo(1);
            assertThat(d.postponed()).isTrue();
            assertThat(d.deadline()).isEqualTo(bj("2026-10-15T18:00"));
            assertThat(d.deadlineSource()).isEqualTo(DeadlineSource.POSTPONED);
            assertThat(d.onTime()).isTrue();
            assertThat(d.deadlineChanges())
                    .extracting(DeadlineChange::cause)
                    .containsExactly(Cause.CATALOGUE, Cause.POSTPONED);
        }

        @Test
        void postponement_after_disposal_changes_nothing() {
            CaseTimeline t = timeline(
                    reported("e1", "2026-10-13T08:30", GARBAGE),
                    dispatched("e2", "2026-10-13T09:00", "D1"),
                    at("e3", DISPOSED, "2026-10-13T14:00"),
                    postponed("e4", "2026-10-13T14:30", "2026-10-20T18:00"),
                    rework("e5", "2026-10-13T16:00", null),
                    at("e6", DISPOSED, "2026-10-14T09:00"));
            Dispatch d = replay(t, "2026-10-15T00:00").dispatches().get(0);
            assertThat(d.postponeCount()).isZero();
            assertThat(d.postponed()).isFalse();
            assertThat(d.deadline()).isEqualTo(bj("2026-10-13T15:00"));
            assertThat(d.onTime()).isFalse();
        }

        @Test
        void postponement_after_a_rework_counts_again() {
            Dispatch d = replay(
                            timeline(
                                    reported("e1", "2026-10-13T08:30", GARBAGE),
                                    dispatched("e2", "2026-10-13T09:00", "D1"),
                                    at("e3", DISPOSED, "2026-10-13T14:00"),
                                    rework("e4", "2026-10-13T16:00", null),
                                    postponed("e5", "2026-10-13T17:00", "2026-10-16T18:00"),
                                    at("e6", DISPOSED, "2026-10-16T09:00")),
                            "2026-10-17T00:00")
                    .dispatches()
                    .get(0);
            assertThat(d.postponeCount()).isEqualTo(1);
            assertThat(d.onTime()).isTrue();
        }
    }

    @Nested
    class Suspension {
        CaseTimeline timeline = timeline(
                reported("e1", "2026-10-13T08:30", GARBAGE),
                dispatched("e2", "2026-10-13T09:00", "D1", "2026-10-13T17:00"),
                at("e3", SUSPENDED, "2026-10-13T10:00"),
                at("e4", RESUMED, "2026-10-14T10:00"),
                at("e5", DISPOSED, "2026-10-14T16:00"));

        @Test
        void a_dispatch_suspended_at_as_of_is_not_overdue_nor_due() {
            CaseState s = replay(timeline, "2026-10-13T18:00");
            Dispatch d = s.dispatches().get(0);
            assertThat(d.suspended()).isTrue();
            assertThat(d.suspendedSince()).isEqualTo(bj("2026-10-13T10:00"));
            assertThat(d.totalSuspendedMillis()).isEqualTo(8 * 3_600_000L);
            assertThat(d.deadline()).isEqualTo(bj("2026-10-13T17:00"));
            assertThat(d.overdueAt(bj("2026-10-13T18:00"))).isFalse();
            assertThat(d.due()).isFalse();
            assertThat(s.suspended()).isTrue();
            assertThat(s.status()).isEqualTo(CaseStatus.SUSPENDED);
        }

        @Test
        void resumption_moves_the_deadline_by_the_paused_duration() {
            CaseState s = replay(timeline, "2026-10-15T00:00");
            Dispatch d = s.dispatches().get(0);
            assertThat(d.suspended()).isFalse();
            assertThat(d.suspendedSince()).isNull();
            assertThat(d.totalSuspendedMillis()).isEqualTo(24 * 3_600_000L);
            assertThat(d.deadline()).isEqualTo(bj("2026-10-14T17:00"));
            assertThat(d.deadlineSource()).isEqualTo(DeadlineSource.EXPLICIT);
            assertThat(d.deadlineChanges())
                    .containsExactly(
                            new DeadlineChange(bj("2026-10-13T09:00"), bj("2026-10-13T17:00"), Cause.EXPLICIT),
                            new DeadlineChange(bj("2026-10-14T10:00"), bj("2026-10-14T17:00"), Cause.RESUMED));
            assertThat(d.onTime()).isTrue();
            assertThat(s.status()).isEqualTo(CaseStatus.DISPOSED);
            assertThat(s.suspended()).isFalse();
        }

        @Test
        void after_resumption_the_moved_deadline_decides_overdue() {
            Dispatch d = replay(timeline, "2026-10-14T15:00").dispatches().get(0);
            assertThat(d.overdueAt(bj("2026-10-14T15:00"))).isFalse();
            assertThat(d.overdueAt(bj("2026-10-14T17:01"))).isTrue();
        }

        @Test
        void a_second_suspension_while_paused_keeps_the_first_start_and_a_stray_resume_is_ignored() {
            Dispatch d = replay(
                            timeline(
                                    dispatched("e2", "2026-10-13T09:00", "D1", "2026-10-13T17:00"),
                                    at("e0", RESUMED, "2026-10-13T09:30"),
                                    at("e3", SUSPENDED, "2026-10-13T10:00"),
                                    at("e4", SUSPENDED, "2026-10-13T11:00"),
                                    at("e5", RESUMED, "2026-10-13T12:00")),
                            "2026-10-13T13:00")
                    .dispatches()
                    .get(0);
            assertThat(d.totalSuspendedMillis()).isEqualTo(2 * 3_600_000L);
            assertThat(d.deadline()).isEqualTo(bj("2026-10-13T19:00"));
        }

        @Test
        void a_dispatch_ending_while_paused_keeps_its_deadline_and_counts_the_pause_to_its_end() {
            CaseState s = replay(
                    timeline(
                            dispatched("e2", "2026-10-13T09:00", "D1", "2026-10-13T17:00"),
                            at("e3", SUSPENDED, "2026-10-13T10:00"),
                            at("e4", CANCELLED, "2026-10-13T13:00")),
                    "2026-10-14T00:00");
            Dispatch d = s.dispatches().get(0);
            assertThat(d.endReason()).isEqualTo(DispatchEnd.CANCELLED);
            assertThat(d.suspended()).isFalse();
            assertThat(d.totalSuspendedMillis()).isEqualTo(3 * 3_600_000L);
            assertThat(d.deadline()).isEqualTo(bj("2026-10-13T17:00"));
            assertThat(s.status()).isEqualTo(CaseStatus.CANCELLED);
            assertThat(s.suspended()).isFalse();
        }

        @Test
        void a_stray_suspension_after_closure_does_not_park_a_closed_case() {
            CaseState s = replay(
                    timeline(
                            dispatched("e2", "2026-10-13T09:00", "D1"),
                            at("e3", DISPOSED, "2026-10-13T10:00"),
                            at("e4", CLOSED, "2026-10-13T11:00"),
                            at("e5", SUSPENDED, "2026-10-13T12:00")),
                    "2026-10-14T00:00");
            assertThat(s.suspended()).isFalse();
            assertThat(s.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(s.dispatches().get(0).totalSuspendedMillis()).isZero();
        }

        @Test
        void a_case_parked_before_dispatch_is_suspended_until_dispatched() {
            CaseTimeline t = timeline(
                    reported("e1", "2026-10-13T08:30", GARBAGE),
                    at("e2", REGISTERED, "2026-10-13T08:40"),
                    at("e3", SUSPENDED, "2026-10-13T09:00"),
                    dispatched("e4", "2026-10-15T09:00", "D1"));
            assertThat(replay(t, "2026-10-14T09:00").status()).isEqualTo(CaseStatus.SUSPENDED);
            CaseState s = replay(t, "2026-10-15T10:00");
            assertThat(s.status()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(s.dispatches().get(0).suspended()).isFalse();
        }
    }

    @Test
    void closed_before_any_disposal_is_not_due() {
        CaseState s = replay(
                timeline(
                        reported("e1", "2026-10-13T08:30", GARBAGE),
                        dispatched("e2", "2026-10-13T09:00", "D1"),
                        at("e3", CLOSED, "2026-10-13T09:30")),
                "2026-10-20T00:00");
        Dispatch d = s.dispatches().get(0);
        assertThat(d.endReason()).isEqualTo(DispatchEnd.CLOSED);
        assertThat(d.endedBeforeAnyDisposal()).isTrue();
        assertThat(d.due()).isFalse();
        assertThat(d.onTime()).isNull();
        assertThat(d.overdueAt(bj("2026-10-20T00:00"))).isFalse();
    }

    @Test
    void closed_after_a_rejected_disposal_stays_due_and_not_disposed() {
        Dispatch d = replay(
                        timeline(
                                reported("e1", "2026-10-13T08:30", GARBAGE),
                                dispatched("e2", "2026-10-13T09:00", "D1"),
                                at("e3", DISPOSED, "2026-10-13T10:00"),
                                rework("e4", "2026-10-13T11:00", null),
                                at("e5", CLOSED, "2026-10-13T12:00")),
                        "2026-10-20T00:00")
                .dispatches()
                .get(0);
        assertThat(d.endedBeforeAnyDisposal()).isFalse();
        assertThat(d.due()).isTrue();
        assertThat(d.disposed()).isFalse();
        assertThat(d.overdueAt(bj("2026-10-20T00:00"))).isFalse();
    }

    @Nested
    class EqualTimes {
        @Test
        void disposal_and_closure_at_the_same_instant_dispose_first() {
            Dispatch d = replay(
                            timeline(
                                    at("z-closed", CLOSED, "2026-10-13T10:00"),
                                    at("a-disposed", DISPOSED, "2026-10-13T10:00"),
                                    dispatched("m-dispatch", "2026-10-13T09:00", "D1", "2026-10-13T12:00")),
                            "2026-10-13T11:00")
                    .dispatches()
                    .get(0);
            assertThat(d.disposed()).isTrue();
            assertThat(d.endReason()).isEqualTo(DispatchEnd.CLOSED);
        }

        @Test
        void disposal_and_rework_at_the_same_instant_leave_it_reworked() {
            Dispatch d = replay(
                            timeline(
                                    rework("a-rework", "2026-10-13T10:00", null),
                                    at("z-disposed", DISPOSED, "2026-10-13T10:00"),
                                    dispatched("m", "2026-10-13T09:00", "D1", "2026-10-13T12:00")),
                            "2026-10-13T11:00")
                    .dispatches()
                    .get(0);
            assertThat(d.disposed()).isFalse();
            assertThat(d.reworkCount()).isEqualTo(1);
            assertThat(d.firstDisposedAt()).isEqualTo(bj("2026-10-13T10:00"));
        }

        @Test
        void return_and_redispatch_at_the_same_instant_sort_the_dispatch_first() {
            CaseState s = replay(
                    timeline(
                            returned("a-ret", "2026-10-13T10:00", "D1"),
                            dispatched("b-new", "2026-10-13T10:00", "D2"),
                            dispatched("c-old", "2026-10-13T09:00", "D1")),
                    "2026-10-13T11:00");
            assertThat(s.dispatches()).extracting(Dispatch::dispatchId).containsExactly("c-old", "b-new");
            assertThat(s.dispatches().get(0).endReason()).isEqualTo(DispatchEnd.REDISPATCHED);
            assertThat(s.dispatches().get(1).open()).isTrue();
        }

        @Test
        void same_type_at_the_same_instant_is_ordered_by_event_id() {
            CaseState s = replay(
                    timeline(dispatched("b", "2026-10-13T09:00", "D2"), dispatched("a", "2026-10-13T09:00", "D1")),
                    "2026-10-13T11:00");
            assertThat(s.dispatches()).extracting(Dispatch::dispatchId).containsExactly("a", "b");
            assertThat(s.openDispatch()).map(Dispatch::department).contains("D2");
        }
    }

    @Nested
    class CatalogueDeadline {
        @Test
        void reported_arriving_after_its_dispatched_still_gives_the_deadline() {
            CaseTimeline t = new CaseTimeline();
            t.add(dispatched("e2", "2026-10-13T09:00", "D1"));
            Dispatch unknown = replay(t, "2026-10-13T10:00").dispatches().get(0);
            assertThat(unknown.deadline()).isNull();
            assertThat(unknown.deadlineSource()).isNull();
            assertThat(unknown.deadlineChanges()).isEmpty();
            assertThat(unknown.overdueAt(Long.MAX_VALUE)).isFalse();

            t.add(reported("e1", "2026-10-13T08:30", GARBAGE));
            Dispatch known = replay(t, "2026-10-13T10:00").dispatches().get(0);
            assertThat(known.deadline()).isEqualTo(bj("2026-10-13T15:00"));
            assertThat(known.deadlineSource()).isEqualTo(DeadlineSource.CATALOGUE);
        }

        @Test
        void a_report_timed_after_the_dispatch_still_gives_the_deadline_once_within_as_of() {
            CaseTimeline t =
                    timeline(dispatched("e2", "2026-10-13T09:00", "D1"), reported("e1", "2026-10-13T09:05", GARBAGE));
            assertThat(replay(t, "2026-10-13T09:01").dispatches().get(0).deadline())
                    .isNull();
            assertThat(replay(t, "2026-10-13T10:00").dispatches().get(0).deadline())
                    .isEqualTo(bj("2026-10-13T15:00"));
            assertThat(replay(t, "2026-10-13T10:00").status()).isEqualTo(CaseStatus.DISPATCHED);
        }

        @Test
        void the_earliest_report_counts_and_later_ones_are_ignored() {
            CaseState s = replay(
                    timeline(
                            reported("e9", "2026-10-13T08:45", MUCK),
                            reported("e1", "2026-10-13T08:30", MANHOLE),
                            dispatched("e2", "2026-10-13T09:00", "D1")),
                    "2026-10-13T10:00");
            assertThat(s.reportedAt()).isEqualTo(bj("2026-10-13T08:30"));
            assertThat(s.categoryCode()).isEqualTo(MANHOLE);
            assertThat(s.dispatches().get(0).deadline()).isEqualTo(bj("2026-10-13T11:00"));
        }

        @Test
        void natural_hours_working_days_and_no_limit() {
            assertThat(deadlineFor(MANHOLE, "2026-09-30T23:10")).isEqualTo(bj("2026-10-01T01:10"));
            // 4 working days (32 wh) from Friday Oct 9 09:00: Oct 9 7 h, Oct 10 (make-up
            // Saturday) 8, Oct 12 8, Oct 13 8, Oct 14 1 h
            assertThat(deadlineFor(MUCK, "2026-10-09T09:00")).isEqualTo(bj("2026-10-14T09:00"));
            assertThat(deadlineFor(NO_LIMIT, "2026-10-13T09:00")).isNull();
        }

        @Test
        void an_explicit_deadline_wins_over_the_catalogue() {
            Dispatch d = replay(
                            timeline(
                                    reported("e1", "2026-10-13T08:30", GARBAGE),
                                    dispatched("e2", "2026-10-13T09:00", "D1", "2026-10-20T18:00")),
                            "2026-10-13T10:00")
                    .dispatches()
                    .get(0);
            assertThat(d.deadline()).isEqualTo(bj("2026-10-20T18:00"));
            assertThat(d.deadlineSource()).isEqualTo(DeadlineSource.EXPLICIT);
        }

        private Long deadlineFor(String category, String dispatchTime) {
            return replay(
                            timeline(
                                    reported("e1", bj(dispatchTime) - 60_000, category),
                                    dispatched("e2", dispatchTime, "D1")),
                            "2026-12-31T00:00")
                    .dispatches()
                    .get(0)
                    .deadline();
        }
    }

    @Test
    void events_about_a_dispatch_with_none_open_are_ignored() {
        CaseState s = replay(
                timeline(
                        reported("e1", "2026-10-13T08:30", GARBAGE),
                        at("e2", DISPOSED, "2026-10-13T08:40"),
                        postponed("e3", "2026-10-13T08:41", "2026-10-20T08:00"),
                        at("e4", SUPERVISED, "2026-10-13T08:42"),
                        dispatched("e5", "2026-10-13T09:00", "D1")),
                "2026-10-13T10:00");
        Dispatch d = s.dispatches().get(0);
        assertThat(d.disposed()).isFalse();
        assertThat(d.firstDisposedAt()).isNull();
        assertThat(d.postponeCount()).isZero();
        assertThat(s.supervisedCount()).isEqualTo(1);
        assertThat(s.status()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void as_of_cutting_a_case_in_the_middle() {
        CaseTimeline t = timeline(
                reported("e1", "2026-10-13T08:30", GARBAGE),
                at("e2", REGISTERED, "2026-10-13T08:50"),
                dispatched("e3", "2026-10-13T09:00", "D1"),
                returned("e4", "2026-10-13T10:00", "D1"),
                dispatched("e5", "2026-10-13T10:30", "D2"),
                at("e6", DISPOSED, "2026-10-14T09:00"),
                at("e7", CLOSED, "2026-10-14T10:00"));
        CaseState s = replay(t, "2026-10-13T17:00");
        assertThat(s.asOf()).isEqualTo(bj("2026-10-13T17:00"));
        assertThat(s.dispatchCount()).isEqualTo(2);
        assertThat(s.closedAt()).isNull();
        assertThat(s.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(s.lastEventTime()).isEqualTo(bj("2026-10-13T10:30"));
        Dispatch open = s.openDispatch().orElseThrow();
        assertThat(open.dispatchId()).isEqualTo("e5");
        assertThat(open.disposed()).isFalse();
        // deadline 16:30; the disposal the next morning is after the as-of moment
        assertThat(open.overdueAt(s.asOf())).isTrue();
        assertThat(open.overdueAt(bj("2026-10-13T16:00"))).isFalse();

        CaseState later = replay(t, "2026-10-14T12:00");
        assertThat(later.dispatches().get(1).onTime()).isFalse();
        assertThat(later.status()).isEqualTo(CaseStatus.CLOSED);
    }
}
