package io.gridpulse.demo.feed;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fast, allocation-light JSON text writing for the generated feeds: fixed decimals and ISO times
 * with the +08:00 offset, so that output is byte-identical across runs and JVMs. Stateless.
 */
public final class JsonText {

    /** China Standard Time has had no daylight saving since 1991: a fixed offset is exact. */
    public static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private JsonText() {}

    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Appends {@code "name":"value"} preceded by a comma unless it is the first field. */
    public static void field(StringBuilder sb, String name, String value) {
        key(sb, name);
        string(sb, value);
    }

    public static void fieldNumber(StringBuilder sb, String name, double value, int decimals) {
        key(sb, name);
        fixed(sb, value, decimals);
    }

    public static void fieldTime(StringBuilder sb, String name, long epochSecond) {
        key(sb, name);
        sb.append('"');
        time(sb, epochSecond);
        sb.append('"');
    }

    public static void key(StringBuilder sb, String name) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":");
    }

    /** Appends a number with exactly {@code decimals} decimals (half-up on the scaled value). */
    public static void fixed(StringBuilder sb, double value, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long v = Math.round(value * scale);
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        sb.append(v / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(v % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    /** ISO-8601 local time of China with its offset, e.g. {@code 2026-10-08T09:15:00+08:00}. */
    public static void time(StringBuilder sb, long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, CST);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue());
        sb.append('-');
        two(sb, t.getDayOfMonth());
        sb.append('T');
        two(sb, t.getHour());
        sb.append(':');
        two(sb, t.getMinute());
        sb.append(':');
        two(sb, t.getSecond());
        sb.append("+08:00");
    }

    public static String time(long epochSecond) {
        StringBuilder sb = new StringBuilder(25);
        time(sb, epochSecond);
        return sb.toString();
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
