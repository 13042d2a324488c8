package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.model.VehiclePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mutated records per feed, derived from valid ones: bit flips, truncations, field
 * deletions, type swaps, 300 KB strings, random bytes. The decoder never throws, every outcome is
 * either a value or a reason with a detail, and every accepted record re-validates: against its
 * JSON Schema and against the model's invariants.
 */
class DecoderFuzzTest {

    private static final int PER_FEED = 10_000;
    private static final long SEED = 20261008L;
    private static final String GIANT = "x".repeat(300_000);

    // lenient like the decoder, so an accepted record with NaN in an ignored extra field still parses
    private static final ObjectMapper LENIENT = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build());
    private static final SchemaValidation SCHEMAS = SchemaValidation.forRepository();

    @Test
    void caseEvents() throws Exception {
        fuzz(
                CASES,
                SchemaValidation.CASE_EVENT,
                List.of(REPORTED, DISPATCHED, POSTPONED, with(DISPATCHED, "type", "'RETURNED'")),
                (CaseEvent e) -> {
                    assertThat(e.eventId()).isNotBlank();
                    assertThat(e.caseId()).isNotBlank();
                    assertThat(e.time()).isLessThanOrEqualTo(WALL + FeedRules.FUTURE_TOLERANCE_MILLIS);
                    if (e.located()) {
                        assertThat(e.lon()).isBetween(-180.0, 180.0);
                        assertThat(e.lat()).isBetween(-90.0, 90.0);
                    }
                    if (e.deadline() != null) {
                        assertThat(e.deadline()).isGreaterThanOrEqualTo(e.time());
                    }
                    if (e.reporterPhoneHash() != null) {
                        assertThat(e.reporterPhoneHash()).matches("[0-9a-f]{64}");
                    }
                });
    }

    @Test
    void vehiclePositions() throws Exception {
        fuzz(VEHICLES, SchemaValidation.VEHICLE_POSITION, List.of(VEHICLE), (VehiclePosition p) -> {
            assertThat(p.vehicleId()).isNotBlank();
            assertThat(p.lon()).isBetween(-180.0, 180.0);
            assertThat(p.lat()).isBetween(-90.0, 90.0);
            assertThat(p.crs()).isNotNull();
            if (p.speed() != null)
                assertThat(p.speed()).isGreaterThanOrEqualTo(0.0).isFinite();
            if (p.heading() != null) assertThat(p.heading()).isBetween(0.0, 360.0);
        });
    }

    @Test
    void sensorReadings() throws Exception {
        fuzz(
                SENSORS,
                SchemaValidation.SENSOR_READING,
                List.of(SENSOR, with(with(SENSOR, "lon", "114.2"), "lat", "30.5")),
                (SensorReading r) -> {
                    assertThat(r.sensorId()).isNotBlank();
                    assertThat(r.type()).isNotBlank();
                    assertThat(r.value()).isFinite();
                    assertThat(r.located()).isEqualTo(r.crs() != null);
                });
    }

    private static <T> void fuzz(FeedDecoder<T> decoder, String schema, List<String> seeds, Consumer<T> invariants)
            throws Exception {
        Random random = new Random(SEED);
        Map<ReasonCode, Integer> outcomes = new EnumMap<>(ReasonCode.class);
        int ok = 0;
        List<byte[]> seedBytes = seeds.stream().map(CodecFixtures::record).toList();
        List<ObjectNode> seedTrees = new ArrayList<>();
        for (byte[] b : seedBytes) {
            seedTrees.add((ObjectNode) LENIENT.readTree(b));
        }
        for (int i = 0; i < PER_FEED; i++) {
            int pick = random.nextInt(seedBytes.size());
            byte[] raw = mutate(seedBytes.get(pick), seedTrees.get(pick), random);
            Decoded<T> d;
            try {
                d = decoder.decode(raw, WALL);
            } catch (Throwable t) {
                throw new AssertionError(
                        "decoder threw on case " + i + " (seed " + SEED + "): "
                                + RawText.sanitize(Arrays.copyOf(raw, Math.min(raw.length, 300))),
                        t);
            }
            assertThat(d).isNotNull();
            if (d.isOk()) {
                ok++;
                assertThat(d.value()).isNotNull();
                invariants.accept(d.value());
                JsonNode node = LENIENT.readTree(raw);
                assertThat(SCHEMAS.validate(schema, node))
                        .as(
                                "accepted but not schema-valid: %s",
                                RawText.sanitize(Arrays.copyOf(raw, Math.min(raw.length, 300))))
                        .isEmpty();
            } else {
                assertThat(d.value()).isNull();
                assertThat(d.reason()).isNotNull();
                assertThat(d.detail()).isNotBlank();
                outcomes.merge(d.reason(), 1, Integer::sum);
            }
        }
        System.out.printf("fuzz %s: %d ok, rejected %s%n", decoder.getClass().getSimpleName(), ok, outcomes);
        assertThat(ok).as("some mutations stay valid").isPositive();
        assertThat(outcomes.keySet())
                .as("mutations reach the deeper checks")
                .contains(ReasonCode.MALFORMED_JSON, ReasonCode.MISSING_FIELD, ReasonCode.WRONG_TYPE);
    }

    private static byte[] mutate(byte[] seed, ObjectNode tree, Random random) {
        int kind = random.nextInt(100);
        if (kind < 25) { // bit flips
            byte[] b = seed.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int i = random.nextInt(b.length);
                b[i] ^= (byte) (1 << random.nextInt(8));
            }
            return b;
        }
        if (kind < 40) { // truncation
            return Arrays.copyOf(seed, random.nextInt(seed.length));
        }
        if (kind < 45) { // random bytes
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            return b;
        }
        if (kind < 50) { // a byte inserted or removed
            List<Byte> list = new ArrayList<>();
            for (byte x : seed) list.add(x);
            int i = random.nextInt(list.size());
            String alphabet = "{}[]\",:\\ 0e-.nN\u00e9";
            if (random.nextBoolean()) list.add(i, (byte) alphabet.charAt(random.nextInt(alphabet.length())));
            else list.remove(i);
            byte[] b = new byte[list.size()];
            for (int k = 0; k < b.length; k++) b[k] = list.get(k);
            return b;
        }
        ObjectNode o = tree.deepCopy();
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String field = names.get(random.nextInt(names.size()));
        if (kind < 65) { // field deletion
            o.remove(field);
        } else if (kind < 99) { // type swap
            o.set(field, swap(o.get(field), random));
        } else { // a giant string of 300 KB (1 in 100: they dominate the run time)
            o.put(random.nextBoolean() ? field : "padding", GIANT);
        }
        String text = o.toString();
        if (kind >= 90 && kind < 99) { // non-numeric numbers only exist as raw text
            text = text.replace("\"__NAN__\"", random.nextBoolean() ? "NaN" : "-Infinity");
        }
        return utf8(text);
    }

    private static JsonNode swap(JsonNode value, Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.textNode(value.isNumber() ? value.asText() : "1");
            case 1 -> f.numberNode(value.isTextual() ? 13812345678L : 1.5);
            case 2 -> f.booleanNode(true);
            case 3 -> f.nullNode();
            case 4 -> f.arrayNode().add(value);
            case 5 -> f.objectNode().set("v", value);
            case 6 -> f.textNode("");
            case 7 -> f.numberNode(random.nextGaussian() * 1000);
            default -> f.textNode("__NAN__");
        };
    }
}
