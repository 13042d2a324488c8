package io.gridpulse.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyHoursTest {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    private static long at(String t) {
        return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    }

    @Test
    void dayRangeIncludesItsStartAndExcludesItsEnd() {
        DailyHours h = DailyHours.parse("07:00-22:00");
        assertThat(h.contains(at("2026-10-08T07:00:00+08:00"), SH)).isTrue();
        assertThat(h.contains(at("2026-10-08T06:59:59+08:00"), SH)).isFalse();
        assertThat(h.contains(at("2026-10-08T21:59:59+08:00"), SH)).isTrue();
        assertThat(h.contains(at("2026-10-08T22:00:00+08:00"), SH)).isFalse();
    }

    @Test
    void rangeCrossingMidnightCoversBothSides() {
        DailyHours night = DailyHours.parse("22:00-06:00");
        assertThat(night.contains(at("2026-10-08T23:30:00+08:00"), SH)).isTrue();
        assertThat(night.contains(at("2026-10-09T05:59:00+08:00"), SH)).isTrue();
        assertThat(night.contains(at("2026-10-09T06:00:00+08:00"), SH)).isFalse();
        assertThat(night.contains(at("2026-10-09T12:00:00+08:00"), SH)).isFalse();
    }

    @Test
    void timeZoneOfTheCalendarDecidesNotTheOffsetOfTheInput() {
        DailyHours h = DailyHours.parse("07:00-22:00");
        // 23:30 UTC is 07:30 next morning in Shanghai
        assertThat(h.contains(at("2026-10-08T23:30:00Z"), SH)).isTrue();
    }

    @Test
    void nextStartFindsTheNextBeginningAcrossMidnight() {
        DailyHours night = DailyHours.parse("22:00-06:00");
        assertThat(night.nextStart(at("2026-10-08T23:00:00+08:00"), SH)).isEqualTo(at("2026-10-09T22:00:00+08:00"));
        assertThat(night.nextStart(at("2026-10-08T22:00:00+08:00"), SH)).isEqualTo(at("2026-10-08T22:00:00+08:00"));
        assertThat(DailyHours.parse("00:00-00:00").nextStart(0, SH)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void firstInsideIsTheStartWhenInsideElseTheNextBeginningWithinTheInterval() {
        DailyHours h = DailyHours.parse("07:00-22:00");
        assertThat(h.firstInside(at("2026-10-08T06:50:00+08:00"), at("2026-10-08T07:10:00+08:00"), SH))
                .isEqualTo(at("2026-10-08T07:00:00+08:00"));
        assertThat(h.firstInside(at("2026-10-08T06:50:00+08:00"), at("2026-10-08T06:59:00+08:00"), SH))
                .isEqualTo(-1);
        assertThat(h.firstInside(at("2026-10-08T08:00:00+08:00"), at("2026-10-08T09:00:00+08:00"), SH))
                .isEqualTo(at("2026-10-08T08:00:00+08:00"));
    }

    @Test
    void afterInsideCountsOnlyTimeInsideTheHours() {
        DailyHours service = DailyHours.parse("06:00-22:00");
        // 21:45 + 30 minutes of service time: 15 minutes tonight, 15 tomorrow from 06:00
        assertThat(service.afterInside(at("2026-10-08T21:45:00+08:00"), 30 * 60_000L, SH))
                .isEqualTo(at("2026-10-09T06:15:00+08:00"));
        assertThat(service.afterInside(at("2026-10-08T10:00:00+08:00"), 30 * 60_000L, SH))
                .isEqualTo(at("2026-10-08T10:30:00+08:00"));
        assertThat(service.afterInside(at("2026-10-08T23:00:00+08:00"), 30 * 60_000L, SH))
                .isEqualTo(at("2026-10-09T06:30:00+08:00"));
        DailyHours split = DailyHours.parse("04:30-08:30,14:00-17:30");
        assertThat(split.afterInside(at("2026-10-08T08:20:00+08:00"), 30 * 60_000L, SH))
                .isEqualTo(at("2026-10-08T14:20:00+08:00"));
    }

    @Test
    void badTextIsRefusedWithTheText() {
        assertThatThrownBy(() -> DailyHours.parse("7-22")).hasMessageContaining("'7-22'");
        assertThatThrownBy(() -> DailyHours.parse("24:00-06:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
