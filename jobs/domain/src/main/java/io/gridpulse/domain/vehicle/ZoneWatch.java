package io.gridpulse.domain.vehicle;

import io.gridpulse.domain.calendar.DailyHours;
import java.time.ZoneId;

/**
 * ZONE_VIOLATION (渣土车闯禁) for one truck and one restricted zone: a violation begins at the
 * truck's first position inside the zone while its hours apply, or, when the truck is already
 * inside as the hours begin, at that moment. The stay ends with two consecutive positions outside;
 * it ends at the first of them (when the truck left), which becomes the alert's {@code ended_at}.
 * One position outside between positions inside is a GPS wobble, not an exit. Stateless apart
 * from the {@link ZoneStay} it is given; thread-safe.
 */
public final class ZoneWatch {

    /** Positions outside in a row that end a stay. */
    public static final int OUTSIDE_TO_END = 2;

    private final ZoneId zone;

    public ZoneWatch(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * What one position does to a stay.
     *
     * @param stay the next state, null when the truck is not (or no longer) in the zone
     * @param opened the violation instant, when it began with this position, else -1
     * @param endedAt when an alerted stay ended with this position, else -1
     */
    public record Step(ZoneStay stay, long opened, long endedAt) {}

    public Step onPosition(ZoneStay s, boolean inside, long t, DailyHours hours) {
        if (s == null) {
            if (!inside) {
                return new Step(null, -1, -1);
            }
            long first = hours.contains(t, zone) ? t : -1;
            return new Step(new ZoneStay(t, 0, 0, first), first, -1);
        }
        if (inside) {
            if (s.alerted()) {
                return new Step(new ZoneStay(s.start(), 0, 0, s.alertTime()), -1, -1);
            }
            long first = hours.firstInside(s.start(), t, zone);
            return new Step(new ZoneStay(s.start(), 0, 0, first), first, -1);
        }
        long firstOutside = s.outside() == 0 ? t : s.firstOutside();
        int outside = s.outside() + 1;
        if (outside < OUTSIDE_TO_END) {
            return new Step(new ZoneStay(s.start(), outside, firstOutside, s.alertTime()), -1, -1);
        }
        if (s.alerted()) {
            return new Step(null, -1, firstOutside);
        }
        // the truck was inside until it left: did the hours begin before it left?
        long first = hours.firstInside(s.start(), firstOutside - 1, zone);
        return new Step(null, first, first >= 0 ? firstOutside : -1);
    }
}
