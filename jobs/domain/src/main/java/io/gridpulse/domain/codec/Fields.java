package io.gridpulse.domain.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading the fields of one record under the feeds' rules: a JSON null counts as missing; a
 * required string that is empty or only JSON whitespace (space, tab, CR, LF) counts as missing;
 * strings are otherwise kept exactly as sent (not trimmed); no coercion between strings and
 * numbers. Each check returns the rejection detail, or null when the field passes. Stateless.
 */
final class Fields {

    private Fields() {}

    static boolean present(ObjectNode o, String field) {
        JsonNode node = o.get(field);
        return node != null && !node.isNull();
    }

    /** Detail when a required field is absent, null, or a blank string; null otherwise. */
    static String missing(ObjectNode o, String field) {
        JsonNode node = o.get(field);
        if (node == null) {
            return "required field '" + field + "' is missing";
        }
        if (node.isNull()) {
            return "required field '" + field + "' is null";
        }
        if (node.isTextual() && isBlank(node.textValue())) {
            return "required field '" + field + "' is empty";
        }
        return null;
    }

    /** The first missing of {@code fields}, or null. */
    static String firstMissing(ObjectNode o, String... fields) {
        for (String f : fields) {
            String detail = missing(o, f);
            if (detail != null) {
                return detail;
            }
        }
        return null;
    }

    /** Blank in JSON's sense of whitespace, which the schemas' pattern {@code [^ \t\r\n]} mirrors. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Detail when a present field is not a string. */
    static String notString(ObjectNode o, String field) {
        JsonNode node = o.get(field);
        if (node == null || node.isNull() || node.isTextual()) {
            return null;
        }
        return "field '" + field + "' must be a string, got " + Details.describe(node);
    }

    /** Detail when a present field is not a JSON number (NaN and Infinity pass: the range checks see them). */
    static String notNumber(ObjectNode o, String field) {
        JsonNode node = o.get(field);
        if (node == null || node.isNull() || node.isNumber()) {
            return null;
        }
        return "field '" + field + "' must be a number, got " + Details.describe(node);
    }

    /** Detail when a present field is not a finite JSON number (JSON itself has no NaN or Infinity). */
    static String notFiniteNumber(ObjectNode o, String field) {
        String detail = notNumber(o, field);
        if (detail != null) {
            return detail;
        }
        JsonNode node = o.get(field);
        if (node != null && !node.isNull() && !Double.isFinite(node.doubleValue())) {
            return "field '" + field + "' must be a finite number, got " + node.doubleValue();
        }
        return null;
    }

    /** The first type error among string and number fields, or null. */
    static String firstTypeError(ObjectNode o, String[] strings, String[] numbers, String[] finiteNumbers) {
        for (String f : strings) {
            String d = notString(o, f);
            if (d != null) return d;
        }
        for (String f : numbers) {
            String d = notNumber(o, f);
            if (d != null) return d;
        }
        for (String f : finiteNumbers) {
            String d = notFiniteNumber(o, f);
            if (d != null) return d;
        }
        return null;
    }

    /** The string value, or null when absent or null. Only after the type checks. */
    static String text(ObjectNode o, String field) {
        JsonNode node = o.get(field);
        return node == null || node.isNull() ? null : node.textValue();
    }

    /** The number value, or null when absent or null. Only after the type checks. */
    static Double number(ObjectNode o, String field) {
        JsonNode node = o.get(field);
        return node == null || node.isNull() ? null : node.doubleValue();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static String unknownValue(String field, String value, Class<? extends Enum<?>> type) {
        StringBuilder allowed = new StringBuilder();
        for (Enum<?> e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name());
        }
        return "field '" + field + "' has unknown value " + Details.quote(value) + " (expected one of " + allowed + ")";
    }

    static String badTime(String field, String value) {
        return "field '" + field + "' must be " + IsoTime.EXPECTED + ", got " + Details.quote(value);
    }

    /** Detail when lon/lat are not finite or out of range; null when fine. */
    static String badCoordinates(double lon, double lat) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            return "field 'lon' must be a finite longitude in [-180, 180], got " + lon;
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            return "field 'lat' must be a finite latitude in [-90, 90], got " + lat;
        }
        return null;
    }

    /** Detail for a location given by only one of lon and lat. */
    static String halfLocation(ObjectNode o) {
        boolean lon = present(o, "lon");
        boolean lat = present(o, "lat");
        if (lon == lat) {
            return null;
        }
        return lon ? "field 'lat' is missing while 'lon' is given" : "field 'lon' is missing while 'lat' is given";
    }

    static String futureTime(String text) {
        return "field 'time' " + Details.quote(text) + " is more than one day after the wall clock";
    }

    /**
     * The record's {@code crs}: its value; WGS84 when absent on a located record; null when absent
     * on a record without location. An unknown name is UNKNOWN_VALUE.
     */
    static Decoded<io.gridpulse.domain.geo.Crs> crs(ObjectNode o, boolean located) {
        String text = text(o, "crs");
        if (text == null) {
            return Decoded.ok(located ? io.gridpulse.domain.geo.Crs.WGS84 : null);
        }
        io.gridpulse.domain.geo.Crs crs = io.gridpulse.domain.geo.Crs.parse(text);
        return crs != null
                ? Decoded.ok(crs)
                : Decoded.rejected(
                        ReasonCode.UNKNOWN_VALUE, unknownValue("crs", text, io.gridpulse.domain.geo.Crs.class));
    }

    /**
     * The checks every feed makes in this order once types and enum values are right: the time
     * (BAD_TIME), not more than the tolerance ahead of the wall clock (FUTURE_TIME), then, on a
     * located record, the coordinates (BAD_COORDINATES). Returns the time.
     */
    static Decoded<Long> timeThenCoordinates(ObjectNode o, long wallClockMillis, boolean located) {
        String timeText = text(o, "time");
        long time = IsoTime.parseEpochMillis(timeText);
        if (time == IsoTime.INVALID) {
            return Decoded.rejected(ReasonCode.BAD_TIME, badTime("time", timeText));
        }
        if (time > wallClockMillis + FeedRules.FUTURE_TOLERANCE_MILLIS) {
            return Decoded.rejected(ReasonCode.FUTURE_TIME, futureTime(timeText));
        }
        if (located) {
            String detail = badCoordinates(number(o, "lon"), number(o, "lat"));
            if (detail != null) {
                return Decoded.rejected(ReasonCode.BAD_COORDINATES, detail);
            }
        }
        return Decoded.ok(time);
    }
}
