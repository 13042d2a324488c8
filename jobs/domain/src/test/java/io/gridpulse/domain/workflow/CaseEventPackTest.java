package io.gridpulse.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventSamples;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseEventPackTest {

    private static final String CASE = "C2026-000001";

    private static CaseEvent full() {
        return CaseEventSamples.everyField(CASE, CaseEventType.REPORTED, "暴露垃圾 ".repeat(40));
    }

    private static CaseEvent bare(String id, CaseEventType type, long time) {
        return new CaseEvent(id, CASE, type, time, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void everyFieldRoundTripsExactlyInTheGivenOrder() {
        List<CaseEvent> events = List.of(
                full(),
                bare("E3", CaseEventType.CLOSED, 3L),
                bare("E2", CaseEventType.DISPATCHED, -2L),
                new CaseEvent(
                        "E4",
                        CASE,
                        CaseEventType.POSTPONED,
                        Long.MAX_VALUE,
                        CaseSource.values()[CaseSource.values().length - 1],
                        "",
                        -0.0,
                        Double.MIN_VALUE,
                        Crs.values()[Crs.values().length - 1],
                        "",
                        Long.MIN_VALUE,
                        "",
                        "",
                        "",
                        ""));
        assertThat(CaseEventPack.unpack(CaseEventPack.pack(events), CASE)).isEqualTo(events);
    }

    @Test
    void anEmptyCasePacksToTwoBytes() {
        byte[] packed = CaseEventPack.pack(List.of());
        assertThat(packed).hasSize(2);
        assertThat(CaseEventPack.unpack(packed, CASE)).isEmpty();
    }

    @Test
    void aSlimEventTakesTheBytesOfItsValuesOnly() {
        // what the workflow keeps: no address, description or phone hash
        CaseEvent f = full();
        CaseEvent slim = new CaseEvent(
                f.eventId(),
                CASE,
                f.type(),
                f.time(),
                f.source(),
                f.categoryCode(),
                f.lon(),
                f.lat(),
                f.crs(),
                f.department(),
                f.deadline(),
                f.inspectorId(),
                null,
                null,
                null);
        assertThat(CaseEventPack.pack(List.of(slim))).hasSizeLessThan(80);
    }

    @Test
    void aLongStringNeedsAMultiByteLength() {
        CaseEvent f = full();
        String longText = "长".repeat(70_000); // 210,000 UTF-8 bytes: a three-byte varint
        CaseEvent e = new CaseEvent(
                f.eventId(),
                CASE,
                f.type(),
                f.time(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                longText,
                null);
        assertThat(CaseEventPack.unpack(CaseEventPack.pack(List.of(e)), CASE)
                        .get(0)
                        .description())
                .isEqualTo(longText);
    }

    @Test
    void eventsOfTwoCasesAreRefused() {
        CaseEvent other = new CaseEvent(
                "X1",
                "C-OTHER",
                CaseEventType.CLOSED,
                1L,
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
        assertThatThrownBy(() -> CaseEventPack.pack(List.of(full(), other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X1")
                .hasMessageContaining("C-OTHER");
    }

    @Test
    void truncatedOrForeignBytesAreRefusedNotMisread() {
        byte[] packed = CaseEventPack.pack(List.of(full(), bare("E2", CaseEventType.CLOSED, 2L)));
        assertThatThrownBy(() -> CaseEventPack.unpack(Arrays.copyOf(packed, packed.length - 3), CASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        byte[] longer = Arrays.copyOf(packed, packed.length + 1);
        assertThatThrownBy(() -> CaseEventPack.unpack(longer, CASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after its 2 events");
        byte[] foreign = packed.clone();
        foreign[0] = 9;
        assertThatThrownBy(() -> CaseEventPack.unpack(foreign, CASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format");
    }
}
