package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.model.Feed;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PublisherPeekTest {

    private static long t(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    @Test
    void readsTimeAndEntityKey() {
        var p = Publisher.peek(
                "{\"eventId\":\"e\",\"caseId\":\"C9\",\"nested\":{\"time\":\"x\"},\"time\":\"2026-10-08T09:15:00+08:00\"}"
                        .getBytes(StandardCharsets.UTF_8),
                Feed.CASES);
        assertThat(p.time()).isEqualTo(t("2026-10-08T09:15:00+08:00"));
        assertThat(p.key()).isEqualTo("C9");
    }

    @Test
    void unreadableLinesSortFirstWithoutKey() {
        var p = Publisher.peek("{not json".getBytes(StandardCharsets.UTF_8), Feed.VEHICLES);
        assertThat(p.time()).isEqualTo(Long.MIN_VALUE);
        var q = Publisher.peek(
                "{\"vehicleId\":\"V1\",\"time\":\"2026-10-08T09:15:00\"}".getBytes(StandardCharsets.UTF_8),
                Feed.VEHICLES);
        assertThat(q.time()).isEqualTo(Long.MIN_VALUE);
        assertThat(q.key()).isEqualTo("V1");
    }
}
