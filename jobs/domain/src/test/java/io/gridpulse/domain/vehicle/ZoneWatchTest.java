package io.gridpulse.domain.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.calendar.DailyHours;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ZoneWatchTest {

    private final ZoneWatch watch = new ZoneWatch(ZoneId.of("Asia/Shanghai"));
    private final DailyHours day = DailyHours.parse("07:00-22:00");
    private final DailyHours night = DailyHours.parse("22:00-06:00");

    private static long at(String hhmm) {
        String d = hhmm.startsWith("+") ? "2026-10-09T" + hhmm.substring(1) : "2026-10-08T" + hhmm;
        return OffsetDateTime.parse(d + ":00+08:00").toInstant().toEpochMilli();
    }

    @Test
    void entryInsideTheHoursOpensAtTheFirstPositionInside() {
        var s = watch.onPosition(null, true, at("21:30"), day);
        assertThat(s.opened()).isEqualTo(at("21:30"));
        assertThat(s.stay().start()).isEqualTo(at("21:30"));
    }

    @Test
    void entryOutsideTheHoursOpensNothing() {
        var s = watch.onPosition(null, true, at("22:30"), day);
        assertThat(s.opened()).isEqualTo(-1);
        var out1 = watch.onPosition(s.stay(), false, at("22:40"), day);
        var out2 = watch.onPosition(out1.stay(), false, at("22:41"), day);
        assertThat(out2.stay()).isNull();
        assertThat(out2.endedAt()).isEqualTo(-1);
        assertThat(out2.opened()).isEqualTo(-1);
    }

    @Test
    void truckAlreadyInsideWhenTheHoursBeginCountsAtThatMoment() {
        var s = watch.onPosition(null, true, at("21:50"), night);
        assertThat(s.opened()).isEqualTo(-1);
        var s2 = watch.onPosition(s.stay(), true, at("22:05"), night);
        assertThat(s2.opened()).isEqualTo(at("22:00"));
    }

    @Test
    void hoursCrossingMidnightApplyAfterMidnight() {
        var s = watch.onPosition(null, true, at("+05:30"), night);
        assertThat(s.opened()).isEqualTo(at("+05:30"));
    }

    @Test
    void oneWobbleOutsideDoesNotEndTheStayTwoDoAtTheFirstOfThem() {
        var s = watch.onPosition(null, true, at("21:00"), day);
        var w = watch.onPosition(s.stay(), false, at("21:01"), day);
        assertThat(w.stay()).isNotNull();
        var back = watch.onPosition(w.stay(), true, at("21:02"), day);
        var o1 = watch.onPosition(back.stay(), false, at("21:10"), day);
        var o2 = watch.onPosition(o1.stay(), false, at("21:11"), day);
        assertThat(o2.stay()).isNull();
        assertThat(o2.endedAt()).isEqualTo(at("21:10"));
        assertThat(o2.opened()).isEqualTo(-1);
    }

    @Test
    void hoursBeginningBetweenTheLastPositionInsideAndTheExitStillCount() {
        var s = watch.onPosition(null, true, at("06:50"), day);
        var o1 = watch.onPosition(s.stay(), false, at("07:05"), day);
        var o2 = watch.onPosition(o1.stay(), false, at("07:06"), day);
        assertThat(o2.opened()).isEqualTo(at("07:00"));
        assertThat(o2.endedAt()).isEqualTo(at("07:05"));
    }
}
