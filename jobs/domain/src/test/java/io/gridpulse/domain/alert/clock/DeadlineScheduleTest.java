package io.gridpulse.domain.alert.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.workflow.CaseState;
import io.gridpulse.domain.workflow.CaseStateMachine;
import io.gridpulse.domain.workflow.CaseTimeline;
import io.gridpulse.domain.workflow.CategoryLimits;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlineScheduleTest {

    private static final long H = 3_600_000L;

    private static CaseEvent ev(String id, CaseEventType type, long time, Long deadline) {
        return new CaseEvent(id, "C", type, time, null, null, null, null, null, "A", deadline, null, null, null, null);
    }

    private static List<DeadlineItem> items(double share, CaseEvent... events) throws Exception {
        WorkCalendar calendar;
        try (InputStream in = DeadlineScheduleTest.class.getResourceAsStream("/calendar/china-2026.json")) {
            calendar = WorkCalendar.parse(in.readAllBytes());
        }
        CaseTimeline t = CaseTimeline.of(List.of(events));
        CaseState s = CaseStateMachine.replay(t, CategoryLimits.of(Map.of()), calendar, Long.MAX_VALUE);
        return DeadlineSchedule.items(s, t.events(), share);
    }

    @Test
    void warningInstantIsTheShareOfNaturalTime() {
        assertThat(DeadlineSchedule.warningInstant(H, 11 * H, 0.8)).isEqualTo(9 * H);
        assertThat(DeadlineSchedule.warningInstant(0, 10, 0.85)).isEqualTo(8); // floor of 8.5
    }

    @Test
    void aDeadlineSetWhenAlreadyPastIsOverdueAtItsSetting() throws Exception {
        // paused 12h-14h after the 11h deadline: moved to 13h at 14h
        List<DeadlineItem> items = items(
                0.8,
                ev("D", CaseEventType.DISPATCHED, H, 11 * H),
                ev("S", CaseEventType.SUSPENDED, 12 * H, null),
                ev("U", CaseEventType.RESUMED, 14 * H, null));
        assertThat(items)
                .filteredOn(i -> i.kind() == AlertType.OVERDUE && i.deadline() == 13 * H)
                .extracting(DeadlineItem::instant)
                .containsExactly(14 * H);
    }

    @Test
    void aWarningShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> items(0, ev("D", CaseEventType.DISPATCHED, H, 11 * H)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> items(1.5, ev("D", CaseEventType.DISPATCHED, H, 11 * H)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
