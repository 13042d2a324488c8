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

    @Test
    void aTimeTheDecodersRefuseSortsFirstLikeAnUnreadableOne() {
        for (String bad :
                new String[] {"2026-10-08t09:15:00+08:00", "2026-02-30T09:15:00+08:00", "2026-10-08T24:00:00Z"}) {
            var p = Publisher.peek(
                    ("{\"caseId\":\"C1\",\"time\":\"" + bad + "\"}").getBytes(StandardCharsets.UTF_8), Feed.CASES);
            assertThat(p.time()).as(bad).isEqualTo(Long.MIN_VALUE);
        }
    }

    @Test
    void eventTimeOrderIsStableWithUnreadableTimesFirst() {
        long m = Long.MIN_VALUE;
        long[] times = {30, m, 10, 30, 20, m, 10};
        assertThat(Publisher.eventTimeOrder(times)).containsExactly(1, 5, 2, 6, 4, 0, 3);
    }

    @Test
    void eventTimeOrderOfNothingAndOfOneLine() {
        assertThat(Publisher.eventTimeOrder(new long[0])).isEmpty();
        assertThat(Publisher.eventTimeOrder(new long[] {Long.MIN_VALUE})).containsExactly(0);
        assertThat(Publisher.eventTimeOrder(new long[] {Long.MAX_VALUE})).containsExactly(0);
    }

    @Test
    void eventTimeOrderOverAHugeSpanOfTimesEqualsTheBoxedStableSort() {
        // times far apart (and MAX_VALUE next to hugely negative ones, whose span overflows a long)
        // leave too few bits for the packed keys: the fallback sorts
        java.util.Random r = new java.util.Random(11);
        long[] times = new long[5_000];
        for (int i = 0; i < times.length; i++) {
            times[i] = r.nextInt(10) == 0
                    ? Long.MIN_VALUE
                    : switch (r.nextInt(3)) {
                        case 0 -> -4_000_000_000_000_000_000L + r.nextInt(50);
                        case 1 -> 4_000_000_000_000_000_000L + r.nextInt(50);
                        default -> Long.MAX_VALUE - r.nextInt(50);
                    };
        }
        assertThat(Publisher.eventTimeOrder(times)).containsExactly(boxedStableOrder(times));
    }

    @Test
    void eventTimeOrderOfAYearOfTimesEqualsTheBoxedStableSort() {
        java.util.Random r = new java.util.Random(5);
        long start = t("2025-11-01T00:00:00+08:00");
        long[] times = new long[200_000];
        for (int i = 0; i < times.length; i++) {
            times[i] = r.nextInt(1000) == 0 ? Long.MIN_VALUE : start + r.nextLong(366L * 86_400_000L) / 1000 * 1000;
        }
        assertThat(Publisher.eventTimeOrder(times)).containsExactly(boxedStableOrder(times));
    }

    private static int[] boxedStableOrder(long[] times) {
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> times[i]));
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
