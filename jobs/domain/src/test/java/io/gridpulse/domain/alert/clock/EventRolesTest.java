package io.gridpulse.domain.alert.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.CaseStateMachine;
import io.gridpulse.domain.workflow.CaseTimeline;
import io.gridpulse.domain.workflow.CategoryLimits;
import io.gridpulse.domain.workflow.Dispatch;
import io.gridpulse.domain.workflow.DispatchEnd;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EventRoles agrees with CaseStateMachine on which dispatch each event touches. */
class EventRolesTest {

    private static final long H = 3_600_000L;

    private static CaseEvent ev(String id, CaseEventType type, long time, String department) {
        return new CaseEvent(
                id, "C", type, time, null, null, null, null, null, department, null, null, null, null, null);
    }

    @Test
    void returnNamingAnotherDepartmentTouchesNothing() {
        List<EventRole> roles = EventRoles.of(List.of(
                ev("D1", CaseEventType.DISPATCHED, H, "A"),
                ev("B0", CaseEventType.RETURNED, 2 * H, "B"),
                ev("W", CaseEventType.REWORK, 3 * H, null),
                ev("B1", CaseEventType.RETURNED, 4 * H, "A"),
                ev("W2", CaseEventType.REWORK, 5 * H, null)));
        assertThat(roles.get(1).applies()).isFalse();
        assertThat(roles.get(1).endsDispatchId()).isNull();
        assertThat(roles.get(2).dispatchId()).isEqualTo("D1");
        assertThat(roles.get(3).endsDispatchId()).isEqualTo("D1");
        assertThat(roles.get(4).applies()).isFalse();
        assertThat(roles.get(4).dispatchId()).isNull();
    }

    @Test
    void randomCasesAgreeWithTheStateMachine() throws Exception {
        WorkCalendar calendar;
        try (InputStream in = EventRolesTest.class.getResourceAsStream("/calendar/china-2026.json")) {
            calendar = WorkCalendar.parse(in.readAllBytes());
        }
        CaseEventType[] types = {
            CaseEventType.DISPATCHED,
            CaseEventType.REWORK,
            CaseEventType.DISPOSED,
            CaseEventType.RETURNED,
            CaseEventType.CLOSED,
            CaseEventType.SUSPENDED,
            CaseEventType.RESUMED
        };
        String[] depts = {"A", "B"};
        Random rnd = new Random(7);
        for (int c = 0; c < 2000; c++) {
            CaseTimeline t = new CaseTimeline();
            int n = 1 + rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                CaseEventType type = types[rnd.nextInt(types.length)];
                // few distinct times, so ties in time are common
                t.add(ev("E" + i, type, (1 + rnd.nextInt(6)) * H, depts[rnd.nextInt(2)]));
            }
            CaseState s = CaseStateMachine.replay(t, CategoryLimits.of(Map.of()), calendar, Long.MAX_VALUE);
            Map<String, Integer> reworks = new HashMap<>();
            List<String> returnedEnds = new ArrayList<>();
            for (EventRole r : EventRoles.of(t.events())) {
                if (r.event().type() == CaseEventType.REWORK && r.applies()) {
                    reworks.merge(r.dispatchId(), 1, Integer::sum);
                }
                if (r.event().type() == CaseEventType.RETURNED && r.applies()) {
                    returnedEnds.add(r.endsDispatchId());
                }
            }
            for (Dispatch d : s.dispatches()) {
                assertThat(reworks.getOrDefault(d.dispatchId(), 0))
                        .as("reworks of %s in %s", d.dispatchId(), t.events())
                        .isEqualTo(d.reworkCount());
                assertThat(returnedEnds.contains(d.dispatchId())).isEqualTo(d.endReason() == DispatchEnd.RETURNED);
            }
        }
    }
}
