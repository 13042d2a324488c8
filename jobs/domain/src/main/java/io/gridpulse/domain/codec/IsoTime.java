package io.gridpulse.domain.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The feeds' time format: ISO-8601 with a mandatory offset, {@code 2026-10-08T09:15:00+08:00},
 * {@code 2026-10-08T01:15:00Z}, optionally with a fraction of up to 9 digits, or without seconds
 * ({@code 2026-10-08T09:15+08:00}). Exactly the pattern of {@code schemas/*.schema.json}: upper-case
 * {@code T} and {@code Z}, offset {@code +HH:MM} (at most 18:00), plus calendar validity (no
 * 2026-02-30, no hour 24, no leap second 60). A time without an offset is bad input.
 *
 * <p>Hand-written rather than {@code OffsetDateTime.parse}: it runs for millions of GPS
 * positions, and bad input must not cost an exception. Stateless and thread-safe.
 */
public final class IsoTime {

    /** Returned for text that is not such a time (never a valid result: year 0000 is the minimum). */
    public static final long INVALID = Long.MIN_VALUE;

    /** The human-readable form of the format, for rejection details. */
    public static final String EXPECTED = "an ISO-8601 time with an offset like 2026-10-08T09:15:00+08:00";

    /** The offset gridpulse writes times with in JSON (alerts, rejections): China Standard Time. */
    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(8));

    private IsoTime() {}

    /** {@code epochMillis} in this format at +08:00, as gridpulse writes times in JSON. */
    public static String format(long epochMillis) {
        return WRITTEN.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Epoch milliseconds of {@code text}, or {@link #INVALID}. Fractions below 1 ms are dropped. */
    public static long parseEpochMillis(String text) {
        if (text == null) {
            return INVALID;
        }
        int n = text.length();
        // shortest: yyyy-MM-ddTHH:mmZ (17); longest: with :ss.fffffffff and +HH:MM (35)
        if (n < 17 || n > 35) {
            return INVALID;
        }
        int year = digits(text, 0, 4);
        if (year < 0 || text.charAt(4) != '-') return INVALID;
        int month = digits(text, 5, 2);
        if (month < 1 || month > 12 || text.charAt(7) != '-') return INVALID;
        int day = digits(text, 8, 2);
        if (day < 1 || text.charAt(10) != 'T') return INVALID;
        int hour = digits(text, 11, 2);
        if (hour < 0 || hour > 23 || text.charAt(13) != ':') return INVALID;
        int minute = digits(text, 14, 2);
        if (minute < 0 || minute > 59) return INVALID;
        int i = 16;
        int second = 0;
        long nanos = 0;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            if (second < 0 || second > 59) return INVALID;
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                int len = i - start;
                if (len < 1 || len > 9) return INVALID;
                nanos = digits(text, start, len);
                for (int k = len; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds;
        if (i == n - 1 && text.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int oh = digits(text, i + 1, 2);
            int om = digits(text, i + 4, 2);
            if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) return INVALID;
            offsetSeconds = (oh * 3600 + om * 60) * (text.charAt(i) == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        if (day > lengthOfMonth(year, month)) {
            return INVALID;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000L + nanos / 1_000_000L;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
