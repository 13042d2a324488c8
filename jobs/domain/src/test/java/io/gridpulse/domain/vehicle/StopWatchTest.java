package io.gridpulse.domain.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.calendar.DailyHours;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.zone.Zones;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StopWatchTest {

    private final StopWatch watch =
            new StopWatch(30, 3, 10 * 60_000L, DailyHours.parse("20:00-06:00"), ZoneId.of("Asia/Shanghai"));

    private static final double M = 1.0 / 111_195; // degrees of latitude per metre

    private static long at(String hhmm) {
        return OffsetDateTime.parse("2026-10-08T" + hhmm + ":00+08:00")
                .toInstant()
                .toEpochMilli();
    }

    private final Zones site = Zones.parse(
            ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"D1\","
                            + "\"type\":\"DISPOSAL_SITE\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                            + "[[[120,30],[120.01,30],[120.01,30.01],[120,30.01],[120,30]]]}}]}")
                    .getBytes(StandardCharsets.UTF_8),
            Crs.WGS84);

    @Test
    void stopIsAnchoredAtItsFirstSlowPositionAndKeptWithinTheRadius() {
        Stop s = watch.onPosition(null, at("23:00"), 121, 31, 0.5);
        Stop s2 = watch.onPosition(s, at("23:01"), 121, 31 + 29 * M, 1.0);
        assertThat(s2).isSameAs(s);
        Stop s3 = watch.onPosition(s2, at("23:02"), 121, 31 + 31 * M, 1.0);
        assertThat(s3.anchorTime()).isEqualTo(at("23:02"));
    }

    @Test
    void aFastPositionEndsTheStop() {
        Stop s = watch.onPosition(null, at("23:00"), 121, 31, 0.5);
        assertThat(watch.onPosition(s, at("23:01"), 121, 31, 3.0)).isNull();
    }

    @Test
    void dueTenMinutesAfterTheAnchorAndSuspiciousOnlyAtNightOutsideSites() {
        Stop outside = new Stop(at("23:00"), 121, 31);
        assertThat(watch.dueAt(outside)).isEqualTo(at("23:10"));
        assertThat(watch.suspicious(outside, site)).isTrue();
        assertThat(watch.suspicious(new Stop(at("23:00"), 120.005, 30.005), site))
                .isFalse();
        assertThat(watch.suspicious(new Stop(at("12:00"), 121, 31), site)).isFalse();
        // anchored at 19:55: due at 20:05, which is night
        assertThat(watch.suspicious(new Stop(at("19:55"), 121, 31), site)).isTrue();
        // on the site's border counts as inside the site
        assertThat(watch.suspicious(new Stop(at("23:00"), 120.0, 30.005), site)).isFalse();
    }
}
