package io.gridpulse.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoursClockTest {

    /**
     * Day hours, hours across midnight, two ranges a day, the whole day; in zones without and with
     * daylight saving (a range starting in the skipped hour included), times rising in small
     * steps like a fleet's positions and in random order.
     */
    @ParameterizedTest
    @CsvSource({
        "Asia/Shanghai, 06:00-22:00",
        "Asia/Shanghai, 22:00-06:00",
        "Asia/Shanghai, 04:30-08:30;14:00-17:30",
        "Asia/Shanghai, 00:00-00:00",
        "Europe/Berlin, 02:15-22:00",
        "Europe/Berlin, 22:00-02:30",
        "America/St_Johns, 01:30-03:00;12:00-12:10"
    })
    void agreesWithAfterInsideRisingAndInAnyOrder(String zoneName, String text) {
        ZoneId zone = ZoneId.of(zoneName);
        DailyHours hours = DailyHours.parse(text.replace(';', ','));
        Random rnd = new Random(text.hashCode());
        long start = Instant.parse("2026-03-20T00:00:00Z").toEpochMilli();
        long[] rising = new long[40_000];
        long t = start;
        for (int i = 0; i < rising.length; i++) {
            t += 10_000 + rnd.nextInt(1_200_000); // 10 s to 20 min: across several DST changes
            rising[i] = t;
        }
        long[] shuffled = rising.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long x = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = x;
        }
        long[] durations = {60_000L, 1_800_000L, 4 * 3_600_000L, 30 * 3_600_000L};
        for (long[] order : new long[][] {rising, shuffled}) {
            for (long d : durations) {
                HoursClock clock = new HoursClock(hours, zone);
                for (long at : order) {
                    assertThat(clock.afterInside(at, d))
                            .as("%s + %d ms inside %s in %s", Instant.ofEpochMilli(at), d, text, zone)
                            .isEqualTo(hours.afterInside(at, d, zone));
                }
            }
        }
        assertThat(Arrays.stream(rising).anyMatch(x -> !hours.contains(x, zone)))
                .isEqualTo(!text.equals("00:00-00:00"));
    }
}
