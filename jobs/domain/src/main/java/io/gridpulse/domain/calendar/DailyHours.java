package io.gridpulse.domain.calendar;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Hours of the day, written {@code 07:00-22:00}, that may cross midnight ({@code 22:00-06:00}),
 * or several such ranges joined by commas ({@code 04:30-08:30,14:00-17:30}): a zone's restricted
 * hours, the night of the dumping rule, a fleet's service hours. A range includes its start and
 * excludes its end; a range whose start equals its end covers the whole day. Immutable and
 * thread-safe.
 */
public final class DailyHours implements Serializable {

    private static final Pattern RANGE =
            Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$");

    private final String text;
    private final int[] starts;
    private final int[] ends;

    private DailyHours(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * Parses {@code HH:mm-HH:mm[,HH:mm-HH:mm...]}.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static DailyHours parse(String text) {
        Objects.requireNonNull(text, "hours");
        String[] parts = text.trim().split("\\s*,\\s*");
        List<int[]> ranges = new ArrayList<>();
        for (String p : parts) {
            if (!RANGE.matcher(p).matches()) {
                throw new IllegalArgumentException("hours must look like 07:00-22:00, got '" + text + "'");
            }
            try {
                ranges.add(new int[] {minute(p.substring(0, 5)), minute(p.substring(6))});
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("hours must look like 07:00-22:00, got '" + text + "'", e);
            }
        }
        int[] s = new int[ranges.size()];
        int[] e = new int[ranges.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = ranges.get(i)[0];
            e[i] = ranges.get(i)[1];
        }
        return new DailyHours(text.trim(), s, e);
    }

    private static int minute(String hhmm) {
        LocalTime t = LocalTime.parse(hhmm);
        return t.getHour() * 60 + t.getMinute();
    }

    /** Whether the local time of {@code instantMillis} in {@code zone} lies in these hours. */
    public boolean contains(long instantMillis, ZoneId zone) {
        ZonedDateTime z = Instant.ofEpochMilli(instantMillis).atZone(zone);
        double m = z.getHour() * 60 + z.getMinute() + (z.getSecond() + z.getNano() / 1e9) / 60.0;
        for (int i = 0; i < starts.length; i++) {
            int s = starts[i];
            int e = ends[i];
            boolean in = s == e || (s < e ? m >= s && m < e : m >= s || m < e);
            if (in) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first instant at or after {@code fromMillis} at which one of the ranges begins, or
     * Long.MAX_VALUE when the hours cover the whole day (they never begin).
     */
    public long nextStart(long fromMillis, ZoneId zone) {
        LocalDate day = Instant.ofEpochMilli(fromMillis).atZone(zone).toLocalDate();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] == ends[i]) {
                continue;
            }
            for (int d = -1; d <= 1; d++) {
                long at = day.plusDays(d)
                        .atTime(starts[i] / 60, starts[i] % 60)
                        .atZone(zone)
                        .toInstant()
                        .toEpochMilli();
                if (at >= fromMillis && at < best) {
                    best = at;
                }
            }
        }
        return best;
    }

    /**
     * The first instant in {@code [fromMillis, toMillis]} that lies in these hours, or -1 when
     * none does.
     */
    public long firstInside(long fromMillis, long toMillis, ZoneId zone) {
        if (contains(fromMillis, zone)) {
            return fromMillis;
        }
        long next = nextStart(fromMillis, zone);
        return next <= toMillis ? next : -1;
    }

    /**
     * The instant at which {@code durationMillis} of time inside these hours have passed since
     * {@code fromMillis} (time outside them does not count).
     */
    public long afterInside(long fromMillis, long durationMillis, ZoneId zone) {
        long t = fromMillis;
        long left = durationMillis;
        for (int guard = 0; guard < 10_000; guard++) {
            if (!contains(t, zone)) {
                t = nextStart(t, zone);
                if (t == Long.MAX_VALUE) {
                    return Long.MAX_VALUE;
                }
            }
            long end = nextEnd(t, zone);
            if (end - t >= left) {
                return t + left;
            }
            left -= end - t;
            t = end;
        }
        throw new IllegalStateException("hours " + text + " never accumulate " + durationMillis + " ms");
    }

    /**
     * When {@code instantMillis} lies in these hours: the first later instant at which they stop
     * applying (Long.MAX_VALUE when they cover the whole day), so every instant in between lies
     * in them too; -1 when it lies outside them.
     */
    public long insideUntil(long instantMillis, ZoneId zone) {
        return contains(instantMillis, zone) ? nextEnd(instantMillis, zone) : -1;
    }

    /** The first instant after {@code fromMillis} (inside the hours) at which they stop applying. */
    private long nextEnd(long fromMillis, ZoneId zone) {
        LocalDate day = Instant.ofEpochMilli(fromMillis).atZone(zone).toLocalDate();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] == ends[i]) {
                return Long.MAX_VALUE;
            }
            for (int d = -1; d <= 2; d++) {
                long at = day.plusDays(d)
                        .atTime(ends[i] / 60, ends[i] % 60)
                        .atZone(zone)
                        .toInstant()
                        .toEpochMilli();
                if (at > fromMillis && at < best && !contains(at, zone)) {
                    best = at;
                }
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyHours h && h.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
