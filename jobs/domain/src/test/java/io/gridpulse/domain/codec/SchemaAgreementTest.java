package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Schemas and decoders agree on one shared list of samples: every record a decoder accepts
 * validates against its schema, and every record the schema rejects for a type or a required
 * field, the decoder rejects too.
 */
class SchemaAgreementTest {

    private static final SchemaValidation S = SchemaValidation.forRepository();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TYPE_OR_REQUIRED = Set.of("type", "required", "dependentRequired", "pattern");

    private static List<String> variants(String base, List<String> fields) {
        List<String> out = new ArrayList<>();
        out.add(base);
        String[] values = {null, "null", "''", "' '", "'x'", "'1.5'", "1.5", "0", "true", "[]", "{}", "-200", "400"};
        for (String f : fields) {
            for (String v : values) {
                out.add(with(base, f, v));
            }
        }
        out.add(with(base, "unknownExtra", "[1]"));
        return out;
    }

    private static void agree(FeedDecoder<?> decoder, String schema, List<String> samples) throws Exception {
        int accepted = 0;
        int schemaRejected = 0;
        for (String sample : samples) {
            String text = json(sample);
            JsonNode node = MAPPER.readTree(text);
            Decoded<?> d = decoder.decode(utf8(text), WALL);
            List<String> keywords = S.failedKeywords(schema, node);
            if (d.isOk()) {
                accepted++;
                assertThat(S.validate(schema, node))
                        .as("decoder accepts %s", text)
                        .isEmpty();
            }
            if (keywords.stream().anyMatch(TYPE_OR_REQUIRED::contains)) {
                schemaRejected++;
                assertThat(d.isOk())
                        .as("schema rejects %s for %s", text, keywords)
                        .isFalse();
            }
        }
        assertThat(accepted).as("the samples include accepted records").isGreaterThan(1);
        assertThat(schemaRejected)
                .as("the samples include schema-rejected records")
                .isGreaterThan(10);
    }

    @Test
    void caseEvents() throws Exception {
        List<String> fields = List.of(
                "eventId",
                "caseId",
                "type",
                "time",
                "source",
                "categoryCode",
                "lon",
                "lat",
                "crs",
                "department",
                "deadline",
                "inspectorId",
                "address",
                "description",
                "reporterPhone");
        List<String> samples = new ArrayList<>();
        for (String base : List.of(REPORTED, DISPATCHED, POSTPONED, with(DISPATCHED, "type", "'CLOSED'"))) {
            samples.addAll(variants(base, fields));
        }
        agree(CASES, SchemaValidation.CASE_EVENT, samples);
    }

    @Test
    void vehiclePositions() throws Exception {
        agree(
                VEHICLES,
                SchemaValidation.VEHICLE_POSITION,
                variants(
                        VEHICLE,
                        List.of("vehicleId", "time", "lon", "lat", "crs", "speed", "heading", "vehicleType", "plate")));
    }

    @Test
    void sensorReadings() throws Exception {
        List<String> fields = List.of("sensorId", "time", "type", "value", "unit", "lon", "lat", "crs");
        List<String> samples = new ArrayList<>(variants(SENSOR, fields));
        samples.addAll(variants(with(with(SENSOR, "lon", "114.2"), "lat", "30.5"), fields));
        agree(SENSORS, SchemaValidation.SENSOR_READING, samples);
    }
}
