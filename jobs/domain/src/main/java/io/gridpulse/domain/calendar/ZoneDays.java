package io.gridpulse.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Local days and hours of instants in one time zone, remembering the last day it computed:
 * records taken in time order mostly fall in the day before them, and java.time's zone rules
 * were a visible share of the vehicle job. Exact for every zone: a day with an offset change
 * (daylight saving) is computed with java.time every time. Not thread-safe; one per operator.
 */
public final class ZoneDays {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final ZoneId zone;
    private long start = 1;
    private long end = 0;
    private long epochDay;
    private boolean regular;

    public ZoneDays(ZoneId zone) {
        this.zone = zone;
    }

    /** The local calendar day (epoch day) of {@code t}. */
    public long day(long t) {
        load(t);
        return epochDay;
    }

    /** The first instant of the local hour containing {@code t}. */
    public long hourStart(long t) {
        load(t);
        if (regular) {
            return start + Math.floorDiv(t - start, HOUR) * HOUR;
        }
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), zone)
                .truncatedTo(ChronoUnit.HOURS)
                .toInstant()
                .toEpochMilli();
    }

    /** The first instant of local day {@code day}. */
    public long dayStart(long day) {
        if (day == epochDay && end > start) {
            return start;
        }
        if (day == epochDay + 1 && end > start) {
            return end;
        }
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private void load(long t) {
        if (t >= start && t < end) {
            return;
        }
        LocalDate d = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
        epochDay = d.toEpochDay();
        start = d.atStartOfDay(zone).toInstant().toEpochMilli();
        end = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        regular = end - start == DAY
                && zone.getRules()
                        .getOffset(Instant.ofEpochMilli(start))
                        .equals(zone.getRules().getOffset(Instant.ofEpochMilli(end - 1)));
    }
}
