package io.gridpulse.demo.feed;

import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.model.Feed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Makes the bad lines of a feed. Each starts from a valid object and breaks exactly one rule, so
 * that the first failing check in contract order (encoding, JSON syntax, object, required field,
 * type, enum value, time, future time, coordinates, category, deadline) is the intended one. NaN
 * literals are not used: whether a parser reads them as a malformed document or as a bad number
 * is a parser setting, so they would not be bad for one certain reason. Not thread-safe.
 */
public final class BadLines {

    /** Relative frequency of each reason per feed (DUPLICATE_CONFLICT is made by the case feed). */
    public static Map<ReasonCode, Double> weights(Feed feed) {
        Map<ReasonCode, Double> w = new LinkedHashMap<>();
        w.put(ReasonCode.BAD_ENCODING, 0.4);
        w.put(ReasonCode.MALFORMED_JSON, 3.0);
        w.put(ReasonCode.NOT_AN_OBJECT, 1.0);
        w.put(ReasonCode.MISSING_FIELD, 3.0);
        w.put(ReasonCode.WRONG_TYPE, 3.0);
        if (feed == Feed.CASES) {
            w.put(ReasonCode.UNKNOWN_VALUE, 2.0);
        }
        w.put(ReasonCode.BAD_TIME, 2.0);
        w.put(ReasonCode.FUTURE_TIME, 1.0);
        w.put(ReasonCode.BAD_COORDINATES, 2.0);
        if (feed == Feed.CASES) {
            w.put(ReasonCode.UNKNOWN_CATEGORY, 2.0);
            w.put(ReasonCode.BAD_DEADLINE, 1.5);
            w.put(ReasonCode.DUPLICATE_CONFLICT, 1.5);
        }
        return w;
    }

    /** Splits {@code total} bad lines over the reasons: each reason at least once when total allows. */
    public static Map<ReasonCode, Integer> allocate(Map<ReasonCode, Double> weights, int total, SplittableRandom r) {
        Map<ReasonCode, Integer> out = new EnumMap<>(ReasonCode.class);
        List<ReasonCode> reasons = new ArrayList<>(weights.keySet());
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        int left = total;
        for (ReasonCode c : reasons) {
            if (left > 0) {
                out.put(c, 1);
                left--;
            }
        }
        for (; left > 0; left--) {
            double x = r.nextDouble() * sum;
            for (ReasonCode c : reasons) {
                x -= weights.get(c);
                if (x < 0) {
                    out.merge(c, 1, Integer::sum);
                    break;
                }
            }
        }
        return out;
    }

    private final Feed feed;
    private final SplittableRandom r;
    private final long from;
    private final long to;

    /**
     * @param from earliest arrival of a bad line (epoch seconds)
     * @param to latest arrival
     */
    public BadLines(Feed feed, SplittableRandom random, long from, long to) {
        this.feed = feed;
        this.r = random;
        this.from = from;
        this.to = Math.max(from + 1, to);
    }

    private long arrival() {
        return from + r.nextLong(to - from);
    }

    /**
     * One bad line for {@code reason} (not DUPLICATE_CONFLICT, not TOO_LARGE).
     *
     * @param base a fresh valid object of the feed (cases: a REPORTED event), with a {@code time}
     * @param dispatched cases only: a fresh valid DISPATCHED event with a deadline
     * @param categories the catalogue's codes (cases only)
     */
    public FeedWriter.BadLine make(
            ReasonCode reason, Supplier<JsonObject> base, Supplier<JsonObject> dispatched, Set<String> categories) {
        JsonObject o = base.get();
        byte[] bytes =
                switch (reason) {
                    case BAD_ENCODING -> badEncoding(o);
                    case MALFORMED_JSON -> malformed(o);
                    case NOT_AN_OBJECT -> notAnObject(o);
                    case MISSING_FIELD -> missing(o).bytes();
                    case WRONG_TYPE -> wrongType(o).bytes();
                    case UNKNOWN_VALUE -> unknownValue(o).bytes();
                    case BAD_TIME -> badTime(o).bytes();
                    case FUTURE_TIME -> futureTime(o).bytes();
                    case BAD_COORDINATES -> badCoordinates(o).bytes();
                    case UNKNOWN_CATEGORY -> unknownCategory(o, categories).bytes();
                    case BAD_DEADLINE -> badDeadline(dispatched.get()).bytes();
                    default -> throw new IllegalArgumentException("not made here: " + reason);
                };
        return new FeedWriter.BadLine(arrival(), bytes, reason);
    }

    /** A valid REPORTED event with a description over 1 MB (TOO_LARGE: rejected before Kafka). */
    public FeedWriter.BadLine tooLarge(JsonObject reported) {
        StringBuilder d = new StringBuilder(400_000);
        while (d.length() < 380_000) {
            d.append("市民反映此处长期有人占道经营，影响通行。");
        }
        reported.put("description", d.toString());
        return new FeedWriter.BadLine(arrival(), reported.bytes(), ReasonCode.TOO_LARGE);
    }

    private byte[] badEncoding(JsonObject o) {
        String field;
        byte[] broken;
        switch (feed) {
            case CASES -> {
                field = "description";
                broken = new byte[] {(byte) 0xE5, (byte) 0x9E, 0x28, (byte) 0xC3, 0x28}; // truncated 垃
            }
            case VEHICLES -> {
                field = "plate";
                broken = new byte[] {(byte) 0xC9, (byte) 0xC2, 'K', (byte) 0xA1, (byte) 0xA4}; // 陕K· in GBK
            }
            default -> {
                field = "unit";
                broken = new byte[] {(byte) 0xB5, 'g', '/', 'm', '3'}; // µg/m3 in Latin-1
            }
        }
        o.put(field, "@@BAD@@");
        byte[] text = o.bytes();
        byte[] marker = "@@BAD@@".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length; i++) {
            if (i + marker.length <= text.length
                    && java.util.Arrays.equals(text, i, i + marker.length, marker, 0, marker.length)) {
                out.write(broken, 0, broken.length);
                i += marker.length - 1;
            } else {
                out.write(text[i]);
            }
        }
        return out.toByteArray();
    }

    private byte[] malformed(JsonObject o) {
        String text = o.toString();
        String bad =
                switch (r.nextInt(4)) {
                    case 0 -> text.substring(0, 10 + r.nextInt(text.length() - 12)); // cut in transit
                    case 1 -> text.substring(0, text.length() - 1) + ",}"; // trailing comma
                    case 2 -> text.replace('"', '\''); // single quotes
                    default -> text.replaceFirst("\"time\":", "\"time\" "); // missing colon
                };
        return bad.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] notAnObject(JsonObject o) {
        String text =
                switch (r.nextInt(3)) {
                    case 0 -> "[" + o + "]";
                    case 1 -> o.json("time");
                    default -> "42";
                };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String[] required() {
        return switch (feed) {
            case CASES -> new String[] {"eventId", "caseId", "type", "time", "source", "categoryCode", "lon", "lat"};
            case VEHICLES -> new String[] {"vehicleId", "time", "lon", "lat"};
            case SENSORS -> new String[] {"sensorId", "time", "type", "value"};
        };
    }

    private JsonObject missing(JsonObject o) {
        String[] req = required();
        return o.remove(req[r.nextInt(req.length)]);
    }

    private JsonObject wrongType(JsonObject o) {
        String[] numberAsString =
                switch (feed) {
                    case CASES -> new String[] {"lon", "lat"};
                    case VEHICLES -> new String[] {"lon", "lat", "speed"};
                    case SENSORS -> new String[] {"value"};
                };
        String[] stringAsNumber =
                switch (feed) {
                    case CASES -> new String[] {"categoryCode", "caseId"};
                    case VEHICLES -> new String[] {"vehicleId"};
                    case SENSORS -> new String[] {"sensorId"};
                };
        if (r.nextInt(3) < 2) {
            String f = numberAsString[r.nextInt(numberAsString.length)];
            return o.put(f, o.json(f));
        }
        String f = stringAsNumber[r.nextInt(stringAsNumber.length)];
        String digits = o.string(f).replaceAll("[^0-9]", "");
        return o.putRaw(f, digits.isEmpty() ? "1" : digits.replaceFirst("^0+(?=.)", ""));
    }

    private JsonObject unknownValue(JsonObject o) {
        return r.nextBoolean()
                ? o.put("type", r.nextBoolean() ? "ACCEPTED" : "TRANSFERRED")
                : o.put("source", r.nextBoolean() ? "WECHAT" : "HOTLINE_110");
    }

    private JsonObject badTime(JsonObject o) {
        String t = o.string("time");
        String local = t.substring(0, 19);
        String bad =
                switch (r.nextInt(4)) {
                    case 0 -> local; // no offset
                    case 1 -> local.replace('T', ' ');
                    case 2 -> local.substring(0, 8) + "32" + local.substring(10) + "+08:00"; // no such day
                    default -> local.replace('-', '/') + "+08:00";
                };
        return o.put("time", bad);
    }

    private JsonObject futureTime(JsonObject o) {
        String t = o.string("time");
        return o.put("time", "2099" + t.substring(4));
    }

    private JsonObject badCoordinates(JsonObject o) {
        double lon = o.has("lon") ? Double.parseDouble(o.json("lon")) : 109.7;
        double lat = o.has("lat") ? Double.parseDouble(o.json("lat")) : 38.3;
        switch (r.nextInt(4)) {
            case 0 -> { // swapped: the latitude is then out of range
                o.putNumber("lon", lat, 6);
                o.putNumber("lat", lon, 6);
            }
            case 1 -> {
                o.putNumber("lon", lon, 6);
                o.putNumber("lat", 90 + lat, 6);
            }
            case 2 -> {
                o.putNumber("lon", lon + 180, 6);
                o.putNumber("lat", lat, 6);
            }
            default -> {
                o.putNumber("lon", -lon - 180, 6);
                o.putNumber("lat", lat, 6);
            }
        }
        return o;
    }

    private JsonObject unknownCategory(JsonObject o, Set<String> categories) {
        String[] candidates = {"29999", "0102", "20110", "10199", "30101"};
        for (int i = 0; ; i++) {
            String c = candidates[(r.nextInt(candidates.length) + i) % candidates.length];
            if (!categories.contains(c)) {
                return o.put("categoryCode", c);
            }
        }
    }

    private JsonObject badDeadline(JsonObject dispatched) {
        String t = dispatched.string("time");
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(t);
        long earlier = time.toEpochSecond() - 3600L * (1 + r.nextInt(48));
        if (r.nextBoolean()) {
            dispatched.put("type", "POSTPONED").remove("department");
        }
        return dispatched.put("deadline", JsonText.time(earlier));
    }
}
