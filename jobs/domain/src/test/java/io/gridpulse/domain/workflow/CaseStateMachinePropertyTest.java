package io.gridpulse.domain.workflow;

import static io.gridpulse.domain.workflow.CaseFixture.CALENDAR;
import static io.gridpulse.domain.workflow.CaseFixture.CASE;
import static io.gridpulse.domain.workflow.CaseFixture.LIMITS;
import static io.gridpulse.domain.workflow.CaseFixture.bj;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The state is a function of the set of events: every shuffled, duplicated delivery of a generated
 * case gives the same timeline and the same state at every as-of moment, and an as-of moment gives
 * the same state as a timeline that never saw the later events. Seeded, so a failure repeats.
 */
class CaseStateMachinePropertyTest {

    private static final String[] CATEGORIES = {
        CaseFixture.GARBAGE, CaseFixture.MANHOLE, CaseFixture.MUCK, CaseFixture.NO_LIMIT
    };
    private static final String[] DEPARTMENTS = {"D-SANITATION", "D-ROADS", "D-WATER", "D-PARKS"};

    @Test
    void the_same_events_in_every_order_and_with_redeliveries_give_the_same_state() {
        Random random = new Random(30428L);
        int dispatches = 0;
        int reworked = 0;
        int postponed = 0;
        int suspended = 0;
        int returned = 0;
        for (int c = 0; c < 400; c++) {
            List<CaseEvent> events = generateCase(random);
            CaseTimeline reference = CaseTimeline.of(sorted(events));
            List<Long> asOfs = asOfMoments(random, events);
            List<CaseState> expected = new ArrayList<>();
            for (long asOf : asOfs) {
                expected.add(CaseStateMachine.replay(reference, LIMITS, CALENDAR, asOf));
            }
            for (int p = 0; p < 8; p++) {
                List<CaseEvent> delivery = new ArrayList<>(events);
                for (CaseEvent e : events) {
                    if (random.nextInt(4) == 0) {
                        delivery.add(e); // redelivered
                    }
                }
                Collections.shuffle(delivery, random);
                CaseTimeline t = new CaseTimeline();
                for (CaseEvent e : delivery) {
                    assertThat(t.add(e)).isNotEqualTo(CaseTimeline.AddResult.CONFLICT);
                }
                assertThat(t).isEqualTo(reference);
                for (int i = 0; i < asOfs.size(); i++) {
                    assertThat(CaseStateMachine.replay(t, LIMITS, CALENDAR, asOfs.get(i)))
                            .isEqualTo(expected.get(i));
                }
            }
            CaseState last = expected.get(expected.size() - 1);
            checkInvariants(last);
            for (Dispatch d : last.dispatches()) {
                dispatches++;
                reworked += d.reworked() ? 1 : 0;
                postponed += d.postponed() ? 1 : 0;
                suspended += d.totalSuspendedMillis() > 0 ? 1 : 0;
                returned += d.returned() ? 1 : 0;
            }
        }
        // the generator really exercises every path
        assertThat(dispatches).isGreaterThan(400);
        assertThat(reworked).isGreaterThan(20);
        assertThat(postponed).isGreaterThan(20);
        assertThat(suspended).isGreaterThan(20);
        assertThat(returned).isGreaterThan(20);
    }

    @Test
    void as_of_gives_the_state_of_the_events_known_by_then() {
        Random random = new Random(20261001L);
        for (int c = 0; c < 300; c++) {
            List<CaseEvent> events = generateCase(random);
            CaseTimeline full = CaseTimeline.of(events);
            for (long asOf : asOfMoments(random, events)) {
                List<CaseEvent> known = new ArrayList<>();
                for (CaseEvent e : events) {
                    if (e.time() <= asOf) {
                        known.add(e);
                    }
                }
                assertThat(CaseStateMachine.replay(full, LIMITS, CALENDAR, asOf))
                        .isEqualTo(CaseStateMachine.replay(CaseTimeline.of(known), LIMITS, CALENDAR, asOf));
            }
        }
    }

    private static void checkInvariants(CaseState s) {
        long open = s.dispatches().stream().filter(Dispatch::open).count();
        assertThat(open).isLessThanOrEqualTo(1);
        for (int i = 0; i < s.dispatches().size(); i++) {
            Dispatch d = s.dispatches().get(i);
            if (i < s.dispatches().size() - 1) {
                assertThat(d.open()).isFalse();
                assertThat(d.endTime())
                        .isLessThanOrEqualTo(s.dispatches().get(i + 1).start());
            }
            assertThat(d.disposed()).isEqualTo(d.disposedAt() != null);
            if (d.onTime() != null) {
                assertThat(d.onTime()).isEqualTo(d.disposedAt() <= d.deadlineAtDisposal());
            }
            if (!d.deadlineChanges().isEmpty()) {
                assertThat(d.deadline())
                        .isEqualTo(d.deadlineChanges()
                                .get(d.deadlineChanges().size() - 1)
                                .deadline());
            }
        }
    }

    private static List<CaseEvent> sorted(List<CaseEvent> events) {
        List<CaseEvent> out = new ArrayList<>(events);
        out.sort(CaseTimeline.ORDER);
        return out;
    }

    private static List<Long> asOfMoments(Random random, List<CaseEvent> events) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (CaseEvent e : events) {
            first = Math.min(first, e.time());
            last = Math.max(last, e.time());
        }
        List<Long> out = new ArrayList<>();
        out.add(first);
        for (int i = 0; i < 4; i++) {
            out.add(first + (long) (random.nextDouble() * (last - first + 1)));
        }
        // at an event's exact time, and just before it
        long pick = events.get(random.nextInt(events.size())).time();
        out.add(Math.max(first, pick - 1));
        out.add(pick);
        out.add(last + 86_400_000L);
        return out;
    }

    /** A realistic case: report, register, one to three dispatches with the side paths. */
    static List<CaseEvent> generateCase(Random r) {
        Gen g = new Gen(r);
        g.report(CATEGORIES[r.nextInt(CATEGORIES.length)]);
        if (r.nextInt(3) == 0) {
            g.add(CaseEventType.VERIFIED);
        }
        if (r.nextInt(12) == 0) {
            g.add(CaseEventType.CANCELLED);
            return g.events;
        }
        g.add(CaseEventType.REGISTERED);
        if (r.nextInt(20) == 0) {
            g.add(CaseEventType.DISPOSED); // stray: no dispatch open yet
        }
        int rounds = 1 + r.nextInt(3);
        for (int round = 0; round < rounds; round++) {
            String dept = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
            g.dispatch(dept, r.nextInt(4) == 0);
            if (round < rounds - 1) {
                if (r.nextInt(5) > 0) {
                    g.withDepartment(CaseEventType.RETURNED, r.nextInt(10) == 0 ? "D-OTHER" : dept);
                }
                continue;
            }
            if (r.nextInt(6) == 0) {
                g.add(CaseEventType.SUSPENDED);
                if (r.nextInt(4) > 0) {
                    g.add(CaseEventType.RESUMED);
                }
            }
            if (r.nextInt(5) == 0) {
                g.withDeadline(CaseEventType.POSTPONED, true);
            }
            if (r.nextInt(10) == 0) {
                g.add(CaseEventType.SUPERVISED);
            }
            g.add(CaseEventType.DISPOSED);
            int reworks = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
            for (int k = 0; k < reworks; k++) {
                g.withDeadline(CaseEventType.REWORK, r.nextBoolean());
                if (r.nextInt(4) == 0) {
                    g.withDeadline(CaseEventType.POSTPONED, true);
                }
                g.add(CaseEventType.DISPOSED);
            }
            if (r.nextInt(8) == 0) {
                g.withDeadline(CaseEventType.POSTPONED, true); // after the disposal: no effect
            }
            g.add(CaseEventType.CHECKED);
            if (r.nextInt(7) > 0) {
                g.add(CaseEventType.CLOSED);
            }
        }
        return g.events;
    }

    /** Appends events at increasing times, sometimes at the same instant as the previous one. */
    private static final class Gen {
        final Random r;
        final List<CaseEvent> events = new ArrayList<>();
        long time;
        int next;

        Gen(Random r) {
            this.r = r;
            this.time = bj("2026-09-15T00:00") + (long) (r.nextDouble() * 60 * 86_400_000L);
        }

        private long tick() {
            if (r.nextInt(8) > 0) {
                time += 60_000L * (1 + r.nextInt(r.nextInt(5) == 0 ? 3000 : 300));
            }
            return time;
        }

        private String id() {
            return "ev-" + Integer.toString(r.nextInt(1 << 20), 36) + "-" + next++;
        }

        void report(String category) {
            events.add(CaseFixture.reported(id(), tick(), category));
        }

        void add(CaseEventType type) {
            events.add(CaseFixture.event(id(), type, tick(), null, null));
        }

        void withDepartment(CaseEventType type, String department) {
            events.add(CaseFixture.event(id(), type, tick(), department, null));
        }

        void dispatch(String department, boolean explicitDeadline) {
            long t = tick();
            Long deadline = explicitDeadline ? t + 3_600_000L * (1 + r.nextInt(72)) : null;
            events.add(CaseFixture.event(id(), CaseEventType.DISPATCHED, t, department, deadline));
        }

        void withDeadline(CaseEventType type, boolean deadline) {
            long t = tick();
            events.add(CaseFixture.event(id(), type, t, null, deadline ? t + 3_600_000L * (1 + r.nextInt(96)) : null));
        }
    }

    @Test
    void generated_cases_belong_to_one_case() {
        List<CaseEvent> events = generateCase(new Random(1L));
        assertThat(events).allSatisfy(e -> assertThat(e.caseId()).isEqualTo(CASE));
    }
}
