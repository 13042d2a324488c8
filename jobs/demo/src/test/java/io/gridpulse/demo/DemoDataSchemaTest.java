package io.gridpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.domain.codec.SchemaValidation;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo city's files against the JSON Schemas of schemas/: every reference file validates
 * whole; in the feeds, the lines the schemas refuse are among the lines the generator made bad
 * (some bad lines, such as unknown categories or conflicting duplicates, are well-formed JSON
 * that only the reference data or history can refuse).
 */
class DemoDataSchemaTest {

    @TempDir
    static Path city;

    static SchemaValidation schemas;
    static JsonNode manifest;

    @BeforeAll
    static void generate() throws Exception {
        DemoCity.generate(DemoOptions.small(), city);
        schemas = SchemaValidation.forRepository();
        manifest = new ObjectMapper().readTree(city.resolve("manifest.json").toFile());
    }

    @Test
    void referenceFilesValidate() throws Exception {
        assertThat(schemas.validateJsonFile(SchemaValidation.GRIDS, city.resolve("grids.geojson")))
                .isEmpty();
        assertThat(schemas.validateJsonFile(SchemaValidation.ZONES, city.resolve("zones.geojson")))
                .isEmpty();
        assertThat(schemas.validateJsonFile(SchemaValidation.CALENDAR, city.resolve("calendar.json")))
                .isEmpty();
        assertThat(schemas.validateCsv(SchemaValidation.CATALOG_ROW, city.resolve("catalog.csv")))
                .isEmpty();
        assertThat(schemas.validateCsv(SchemaValidation.DEPARTMENTS_ROW, city.resolve("departments.csv")))
                .isEmpty();
        assertThat(schemas.validateCsv(SchemaValidation.VEHICLES_ROW, city.resolve("vehicles-ref.csv")))
                .isEmpty();
        assertThat(schemas.validateCsv(SchemaValidation.SENSORS_ROW, city.resolve("sensors-ref.csv")))
                .isEmpty();
        assertThat(schemas.validateCsv(SchemaValidation.SENSOR_RULES_ROW, city.resolve("sensor-rules.csv")))
                .isEmpty();
    }

    @Test
    void feedLinesTheSchemasRefuseAreAmongTheBadOnes() throws Exception {
        check("cases.jsonl", SchemaValidation.CASE_EVENT);
        check("vehicles.jsonl", SchemaValidation.VEHICLE_POSITION);
        check("sensors.jsonl", SchemaValidation.SENSOR_READING);
    }

    private static void check(String file, String schema) throws Exception {
        long bad = 0;
        for (JsonNode n : manifest.findParents("file")) {
            if (n.get("file").asText().equals(file)) {
                for (JsonNode v : n.get("bad")) {
                    bad += v.asLong();
                }
            }
        }
        long refused = schemas.validateJsonLines(schema, city.resolve(file)).stream()
                .map(p -> p.substring(0, p.indexOf(':')))
                .distinct()
                .count();
        assertThat(bad).as("bad lines in %s", file).isPositive();
        // Lines the schema refuses are bad lines; most bad lines are refused by the schema too.
        assertThat(refused).as("lines of %s refused by %s", file, schema).isBetween(1L, bad);
    }
}
