package io.gridpulse.domain.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * {@link DailyHours#afterInside} for one set of hours in one zone, for times that mostly rise
 * (a fleet's positions): it remembers the stretch of hours the last time fell in (away from the
 * zone's offset changes), and a time in that stretch whose duration ends before the stretch
 * does needs no calendar arithmetic. A
 * vehicle's silence deadline is computed for every position, and the zone conversions of a full
 * computation were a tenth of the vehicle rules' cost. Not thread-safe: one per task.
 */
public final class HoursClock {

    private static final long NEAR_CHANGE = 3 * 86_400_000L;

    private final DailyHours hours;
    private final ZoneId zone;
    private long from = Long.MAX_VALUE;
    private long until = Long.MIN_VALUE;

    public HoursClock(DailyHours hours, ZoneId zone) {
        this.hours = hours;
        this.zone = zone;
    }

    public DailyHours hours() {
        return hours;
    }

    /** Equal to {@code hours().afterInside(fromMillis, durationMillis, zone)}. */
    public long afterInside(long fromMillis, long durationMillis) {
        if (fromMillis < from || fromMillis >= until) {
            long end = hours.insideUntil(fromMillis, zone);
            if (end < 0) {
                return hours.afterInside(fromMillis, durationMillis, zone);
            }
            // Near a change of the zone's offset local times jump or repeat, and the calendar
            // arithmetic of a few days around it may not see a stretch as plain: there, every
            // time is computed in full.
            Instant at = Instant.ofEpochMilli(fromMillis);
            ZoneOffsetTransition before = zone.getRules().previousTransition(at);
            if (before != null && fromMillis - before.toEpochSecond() * 1000L < NEAR_CHANGE) {
                return hours.afterInside(fromMillis, durationMillis, zone);
            }
            ZoneOffsetTransition next = zone.getRules().nextTransition(at);
            from = fromMillis;
            until = next == null ? end : Math.min(end, next.toEpochSecond() * 1000L - NEAR_CHANGE);
        }
        if (until - fromMillis >= durationMillis) {
            return fromMillis + durationMillis;
        }
        return hours.afterInside(fromMillis, durationMillis, zone);
    }
}
