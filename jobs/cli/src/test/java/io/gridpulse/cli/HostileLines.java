package io.gridpulse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.model.Feed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile lines for one feed (contracts.md, Bad input), each derived from a valid line and given
 * exactly one defect, so the reason it must be rejected with is known: malformed JSON,
 * non-objects, missing and wrongly typed fields (numbers sent as strings included), unknown enum
 * values and categories, NaN and out-of-range coordinates, unreadable and far-future times,
 * 300 KB values, lines over 1 MB and invalid UTF-8. Random byte mutations of valid lines have no
 * expected reason ({@code expected} null): the decoder itself says what they are, and the
 * pipeline must turn each into exactly one valid row or one rejected row. Mutated lines get
 * entity ids of their own ({@code FZ...}) so that they never collide with a valid line's identity.
 */
final class HostileLines {

    /** One hostile line, what kind of defect it has, and the reason it must get (null for mutations). */
    record Hostile(byte[] line, String kind, ReasonCode expected) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KB300 = "界".repeat(100_000); // 300,000 bytes in UTF-8

    private final Feed feed;
    private final List<ObjectNode> bases;
    private final Random rnd;

    HostileLines(Feed feed, List<byte[]> validLines, long seed) {
        this.feed = feed;
        this.rnd = new Random(seed);
        this.bases = new ArrayList<>();
        for (byte[] l : validLines) {
            try {
                bases.add((ObjectNode) JSON.readTree(l));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    List<Hostile> generate(int count) {
        List<Hostile> out = new ArrayList<>(count);
        int mutations = count / 8;
        int large = 4;
        int giant = 30;
        for (int i = 0; i < large; i++) {
            ObjectNode o = base();
            o.put("padding", "x".repeat(1_100_000));
            out.add(new Hostile(bytes(o), "over 1 MB", ReasonCode.TOO_LARGE));
        }
        for (int i = 0; i < giant; i++) {
            out.add(giant300Kb());
        }
        while (out.size() < count - mutations) {
            out.add(oneDefect());
        }
        for (int i = 0; out.size() < count; i++) {
            out.add(mutation(i));
        }
        return out;
    }

    private Hostile oneDefect() {
        int k = rnd.nextInt(13);
        if (k == 11 && feed != Feed.CASES) {
            k = 12; // categories are the case feed's
        }
        ObjectNode o = base();
        String[] required = required();
        switch (k) {
            case 0 -> {
                byte[] b = bytes(o);
                int cut = 1 + rnd.nextInt(b.length - 2);
                while ((b[cut] & 0xC0) == 0x80) {
                    cut--; // never cut inside a UTF-8 sequence: that would be BAD_ENCODING
                }
                return new Hostile(Arrays.copyOf(b, cut), "truncated JSON", ReasonCode.MALFORMED_JSON);
            }
            case 1 -> {
                String[] junk = {"{'" + required[0] + "': 1}", "{\"a\" 1}", "{,}", "<xml/>", "{\"time\": tru}", "}{"};
                return new Hostile(utf8(junk[rnd.nextInt(junk.length)]), "malformed JSON", ReasonCode.MALFORMED_JSON);
            }
            case 2 -> {
                String[] values = {"[1,2,3]", "42", "\"text\"", "null", "true", "[" + o + "]"};
                return new Hostile(utf8(values[rnd.nextInt(values.length)]), "not an object", ReasonCode.NOT_AN_OBJECT);
            }
            case 3 -> {
                o.remove(required[rnd.nextInt(required.length)]);
                return new Hostile(bytes(o), "missing field", ReasonCode.MISSING_FIELD);
            }
            case 4 -> {
                o = feed == Feed.CASES ? reported() : o;
                String f = numberField();
                o.put(f, o.get(f).asText());
                return new Hostile(bytes(o), "number as string", ReasonCode.WRONG_TYPE);
            }
            case 5 -> {
                String f = required[rnd.nextInt(2)];
                if (rnd.nextBoolean()) {
                    o.put(f, 12345);
                } else {
                    var old = o.get(f);
                    o.putArray(f).add(old);
                }
                return new Hostile(bytes(o), "string field of another type", ReasonCode.WRONG_TYPE);
            }
            case 6 -> {
                unknownValue(o);
                return new Hostile(bytes(o), "unknown enum value", ReasonCode.UNKNOWN_VALUE);
            }
            case 7 -> {
                ObjectNode located = located();
                double[] bad = {95.0, -91.0, 1e308};
                if (rnd.nextBoolean()) {
                    located.put("lat", bad[rnd.nextInt(bad.length)]);
                } else {
                    located.put("lon", rnd.nextBoolean() ? 181.5 : -200.0);
                }
                return new Hostile(bytes(located), "out-of-range coordinates", ReasonCode.BAD_COORDINATES);
            }
            case 8 -> {
                ObjectNode located = located();
                String text = bytesText(located).replaceFirst("\"lon\":[-0-9.eE]+", "\"lon\":NaN");
                return new Hostile(utf8(text), "NaN coordinate", ReasonCode.BAD_COORDINATES);
            }
            case 9 -> {
                String[] times = {"2026-10-12T10:00:00", "yesterday", "2026-02-30T10:00:00+08:00", "12/10/2026 10:00"};
                o.put("time", times[rnd.nextInt(times.length)]);
                return new Hostile(bytes(o), "unreadable time", ReasonCode.BAD_TIME);
            }
            case 10 -> {
                o.put("time", (2030 + rnd.nextInt(70)) + "-01-01T00:00:00+08:00");
                return new Hostile(bytes(o), "far-future time", ReasonCode.FUTURE_TIME);
            }
            case 11 -> {
                ObjectNode r = reported();
                r.put("categoryCode", "ZZ" + rnd.nextInt(1000));
                return new Hostile(bytes(r), "unknown category", ReasonCode.UNKNOWN_CATEGORY);
            }
            default -> {
                byte[] b = bytes(o);
                byte[] bad = {(byte) 0xFF, (byte) 0xC3, (byte) 0x80, (byte) 0xED};
                int at = stringValueStart(b);
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = bad[rnd.nextInt(bad.length)];
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return new Hostile(out, "invalid UTF-8", ReasonCode.BAD_ENCODING);
            }
        }
    }

    /** A 300 KB value where the feed allows no such value. */
    private Hostile giant300Kb() {
        ObjectNode o = base();
        switch (feed) {
            case CASES -> {
                ObjectNode r = reported();
                r.put("categoryCode", KB300);
                return new Hostile(bytes(r), "300 KB category", ReasonCode.UNKNOWN_CATEGORY);
            }
            case VEHICLES -> o.put("vehicleType", KB300);
            case SENSORS -> o.put("crs", KB300);
        }
        return new Hostile(bytes(o), "300 KB enum value", ReasonCode.UNKNOWN_VALUE);
    }

    private Hostile mutation(int i) {
        ObjectNode o = base();
        String id = "FZ" + feed.code().charAt(0) + i;
        switch (feed) {
            case CASES -> {
                o.put("eventId", id + "-E");
                o.put("caseId", id);
            }
            case VEHICLES -> o.put("vehicleId", id);
            case SENSORS -> o.put("sensorId", id);
        }
        byte[] b = bytes(o);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 4);
        int n = 1 + rnd.nextInt(3);
        int[] at = new int[n];
        for (int j = 0; j < n; j++) {
            at[j] = rnd.nextInt(b.length);
        }
        Arrays.sort(at);
        int j = 0;
        for (int p = 0; p < b.length; p++) {
            boolean hit = false;
            while (j < n && at[j] == p) {
                hit = true;
                j++;
            }
            if (!hit) {
                out.write(b[p]);
                continue;
            }
            switch (rnd.nextInt(4)) {
                case 0 -> out.write(b[p] ^ (1 << rnd.nextInt(7))); // bit flip
                case 1 -> {} // delete
                case 2 -> {
                    out.write(randomByte());
                    out.write(b[p]);
                } // insert
                default -> out.write(randomByte()); // replace
            }
        }
        byte[] m = out.toByteArray();
        for (int p = 0; p < m.length; p++) {
            if (m[p] == '\n' || m[p] == '\r') {
                m[p] = ' '; // a line break would make two records of one line
            }
        }
        return new Hostile(m, "random byte mutation", null);
    }

    private int randomByte() {
        int x;
        do {
            x = rnd.nextInt(256);
        } while (x == '\n' || x == '\r');
        return x;
    }

    private String[] required() {
        return switch (feed) {
            case CASES -> new String[] {"eventId", "caseId", "type", "time"};
            case VEHICLES -> new String[] {"vehicleId", "time", "lon", "lat"};
            case SENSORS -> new String[] {"sensorId", "time", "type", "value"};
        };
    }

    private String numberField() {
        return switch (feed) {
            case CASES -> "lon";
            case VEHICLES -> rnd.nextBoolean() ? "lon" : "lat";
            case SENSORS -> "value";
        };
    }

    private void unknownValue(ObjectNode o) {
        switch (feed) {
            case CASES -> o.put("type", "EXPLODED");
            case VEHICLES -> o.put(rnd.nextBoolean() ? "vehicleType" : "crs", "TANK");
            case SENSORS -> o.put("crs", "MARS2000");
        }
    }

    /** A base with coordinates: cases need a REPORTED, sensors get the optional ones added. */
    private ObjectNode located() {
        if (feed == Feed.CASES) {
            return reported();
        }
        ObjectNode o = base();
        if (!o.has("lon")) {
            o.put("lon", 109.75);
            o.put("lat", 38.29);
        }
        return o;
    }

    private ObjectNode reported() {
        while (true) {
            ObjectNode o = base();
            if ("REPORTED".equals(o.path("type").asText()) && o.has("lon")) {
                return o;
            }
        }
    }

    private ObjectNode base() {
        return bases.get(rnd.nextInt(bases.size())).deepCopy();
    }

    /** The byte just after the opening quote of the first string value. */
    private static int stringValueStart(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int colon = s.indexOf(":\"");
        return colon + 2;
    }

    private static byte[] bytes(ObjectNode o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bytesText(ObjectNode o) {
        return new String(bytes(o), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
