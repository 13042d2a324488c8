package io.gridpulse.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneDaysTest {

    /** Zones without daylight saving, with it, with a 30-minute shift and with a :45 offset. */
    @ParameterizedTest
    @ValueSource(
            strings = {"Asia/Shanghai", "Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu"})
    void agreesWithJavaTimeInTimeOrderAndOutOfIt(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Random rnd = new Random(zoneName.hashCode());
        long from = Instant.parse("2025-12-30T00:00:00Z").toEpochMilli();
        long[] times = new long[20_000];
        for (int i = 0; i < times.length; i++) {
            times[i] = from + (long) (rnd.nextDouble() * 400L * 86_400_000L);
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        for (long[] order : new long[][] {sorted, times}) {
            ZoneDays days = new ZoneDays(zone);
            for (long t : order) {
                ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
                long day = z.toLocalDate().toEpochDay();
                assertThat(days.day(t)).as("day of %s", z).isEqualTo(day);
                assertThat(days.hourStart(t))
                        .as("hour of %s", z)
                        .isEqualTo(z.truncatedTo(ChronoUnit.HOURS).toInstant().toEpochMilli());
                assertThat(days.dayStart(day + 1))
                        .as("next day's start after %s", z)
                        .isEqualTo(LocalDate.ofEpochDay(day + 1)
                                .atStartOfDay(zone)
                                .toInstant()
                                .toEpochMilli());
                assertThat(days.dayStart(day - 3))
                        .isEqualTo(LocalDate.ofEpochDay(day - 3)
                                .atStartOfDay(zone)
                                .toInstant()
                                .toEpochMilli());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "Australia/Lord_Howe"})
    void everyMinuteAroundTheDaylightSavingChanges(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        ZoneDays days = new ZoneDays(zone);
        var rules = zone.getRules();
        Instant probe = Instant.parse("2026-01-01T00:00:00Z");
        for (int k = 0; k < 2; k++) {
            Instant change = rules.nextTransition(probe).getInstant();
            for (long t = change.toEpochMilli() - 26 * 3_600_000L;
                    t < change.toEpochMilli() + 26 * 3_600_000L;
                    t += 60_000) {
                ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
                assertThat(days.day(t)).isEqualTo(z.toLocalDate().toEpochDay());
                assertThat(days.hourStart(t))
                        .as("hour of %s", z)
                        .isEqualTo(z.truncatedTo(ChronoUnit.HOURS).toInstant().toEpochMilli());
            }
            probe = change;
        }
    }
}
