package io.gridpulse.domain.workflow;

import static io.gridpulse.domain.model.CaseEventType.DISPOSED;
import static io.gridpulse.domain.workflow.CaseFixture.GARBAGE;
import static io.gridpulse.domain.workflow.CaseFixture.at;
import static io.gridpulse.domain.workflow.CaseFixture.dispatched;
import static io.gridpulse.domain.workflow.CaseFixture.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseTimelineTest {

    @Test
    void keeps_events_in_time_then_type_then_event_id_order() {
        CaseTimeline t = new CaseTimeline();
        t.add(at("b", DISPOSED, "2026-10-13T10:00"));
        t.add(dispatched("z", "2026-10-13T10:00", "D1"));
        t.add(at("a", DISPOSED, "2026-10-13T10:00"));
        t.add(reported("r", "2026-10-13T11:00", GARBAGE));
        assertThat(t.events()).extracting(CaseEvent::eventId).containsExactly("z", "a", "b", "r");
        assertThat(t.caseId()).isEqualTo(CaseFixture.CASE);
    }

    @Test
    void a_stored_timeline_comes_back_as_it_was_and_an_unordered_list_is_put_in_order() {
        CaseTimeline t = new CaseTimeline();
        t.add(at("b", DISPOSED, "2026-10-13T10:00"));
        t.add(dispatched("z", "2026-10-13T10:00", "D1"));
        t.add(reported("r", "2026-10-13T11:00", GARBAGE));
        CaseTimeline back = CaseTimeline.ofOrdered(t.events());
        assertThat(back.events()).containsExactlyElementsOf(t.events());
        // adding to the restored timeline still finds redeliveries and places new events
        assertThat(back.add(at("b", DISPOSED, "2026-10-13T10:00"))).isEqualTo(CaseTimeline.AddResult.REDELIVERED);
        assertThat(back.add(at("a", DISPOSED, "2026-10-13T10:00"))).isEqualTo(CaseTimeline.AddResult.ADDED);
        assertThat(back.events()).extracting(CaseEvent::eventId).containsExactly("z", "a", "b", "r");
        assertThat(t.events()).as("the stored list is not changed").hasSize(3);

        List<CaseEvent> unordered = List.of(
                reported("r", "2026-10-13T11:00", GARBAGE),
                at("b", DISPOSED, "2026-10-13T10:00"),
                dispatched("z", "2026-10-13T10:00", "D1"),
                at("b", DISPOSED, "2026-10-13T10:00"));
        assertThat(CaseTimeline.ofOrdered(unordered).events())
                .extracting(CaseEvent::eventId)
                .containsExactly("z", "b", "r");
    }

    @Test
    void a_redelivery_counts_once() {
        CaseTimeline t = new CaseTimeline();
        assertThat(t.add(dispatched("e1", "2026-10-13T09:00", "D1"))).isEqualTo(CaseTimeline.AddResult.ADDED);
        assertThat(t.add(dispatched("e1", "2026-10-13T09:00", "D1"))).isEqualTo(CaseTimeline.AddResult.REDELIVERED);
        assertThat(t.size()).isEqualTo(1);
    }

    @Test
    void a_conflicting_copy_is_reported_and_the_first_copy_kept() {
        CaseTimeline t = new CaseTimeline();
        t.add(dispatched("e1", "2026-10-13T09:00", "D1"));
        assertThat(t.add(dispatched("e1", "2026-10-13T09:00", "D2"))).isEqualTo(CaseTimeline.AddResult.CONFLICT);
        assertThat(t.add(dispatched("e1", "2026-10-13T09:30", "D1"))).isEqualTo(CaseTimeline.AddResult.CONFLICT);
        assertThat(t.events()).singleElement().extracting(CaseEvent::department).isEqualTo("D1");
        assertThatThrownBy(() -> CaseTimeline.of(List.of(
                        dispatched("e1", "2026-10-13T09:00", "D1"), dispatched("e1", "2026-10-13T09:00", "D2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e1");
    }

    @Test
    void an_event_of_another_case_is_refused() {
        CaseTimeline t = new CaseTimeline();
        t.add(dispatched("e1", "2026-10-13T09:00", "D1"));
        CaseEvent other = new CaseEvent(
                "e2",
                "OTHER",
                CaseEventType.CLOSED,
                0L,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> t.add(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OTHER");
    }

    @Test
    void a_copy_is_independent_and_the_view_is_read_only() {
        CaseTimeline t = CaseTimeline.of(List.of(dispatched("e1", "2026-10-13T09:00", "D1")));
        CaseTimeline copy = t.copy();
        copy.add(at("e2", DISPOSED, "2026-10-13T10:00"));
        assertThat(t.size()).isEqualTo(1);
        assertThat(copy.size()).isEqualTo(2);
        assertThat(copy).isNotEqualTo(t);
        assertThatThrownBy(() -> t.events().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
