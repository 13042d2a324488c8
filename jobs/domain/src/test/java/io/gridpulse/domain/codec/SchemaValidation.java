package io.gridpulse.domain.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.gridpulse.domain.reference.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON documents, JSON Lines files and CSV reference rows against the project's
 * {@code schemas/} (draft 2020-12). Shipped in the domain test-jar so that other modules' tests
 * can check what they read and write, for example:
 *
 * <pre>{@code
 * assertThat(SchemaValidation.forRepository().validateJsonLines(SchemaValidation.ALERT, file)).isEmpty();
 * }</pre>
 *
 * Every method returns the list of problems, each naming where it is ({@code line 3: $.lat: ...}),
 * empty when valid. A CSV row is checked as an object of its non-empty cells, values stripped,
 * cells turned into numbers where the row schema's property says number or integer, which
 * mirrors the loaders of {@code io.gridpulse.domain.reference}. Thread-safe; schemas are loaded
 * once per instance.
 */
public final class SchemaValidation {

    public static final String CASE_EVENT = "case-event.schema.json";
    public static final String VEHICLE_POSITION = "vehicle-position.schema.json";
    public static final String SENSOR_READING = "sensor-reading.schema.json";
    public static final String ALERT = "alert.schema.json";
    public static final String REJECTED = "rejected.schema.json";
    public static final String GRIDS = "grids.schema.json";
    public static final String ZONES = "zones.schema.json";
    public static final String CALENDAR = "calendar.schema.json";
    public static final String CATALOG_ROW = "catalog-row.schema.json";
    public static final String DEPARTMENTS_ROW = "departments-row.schema.json";
    public static final String VEHICLES_ROW = "vehicles-row.schema.json";
    public static final String SENSORS_ROW = "sensors-row.schema.json";
    public static final String SENSOR_RULES_ROW = "sensor-rules-row.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path dir;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> schemaDocs = new ConcurrentHashMap<>();

    public SchemaValidation(Path schemasDir) {
        if (!Files.isDirectory(schemasDir)) {
            throw new IllegalArgumentException("not a schemas folder: " + schemasDir);
        }
        this.dir = schemasDir;
    }

    /**
     * The repository's {@code schemas/}: from the system property {@code gridpulse.repo.root}
     * (set by the build for every module's tests), else the first parent of the working
     * directory that has one.
     */
    public static SchemaValidation forRepository() {
        String root = System.getProperty("gridpulse.repo.root");
        if (root != null && Files.isDirectory(Paths.get(root, "schemas"))) {
            return new SchemaValidation(Paths.get(root, "schemas"));
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("schemas").resolve(CASE_EVENT))) {
                return new SchemaValidation(p.resolve("schemas"));
            }
        }
        throw new IllegalStateException(
                "no schemas/ folder above " + Paths.get("").toAbsolutePath());
    }

    /** Problems of one JSON value. */
    public List<String> validate(String schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schemaOf(schema).validate(value)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    /** The keywords that failed ({@code type}, {@code required}, {@code pattern}, ...), for tests that classify. */
    public List<String> failedKeywords(String schema, JsonNode value) {
        List<String> keywords = new ArrayList<>();
        for (ValidationMessage m : schemaOf(schema).validate(value)) {
            keywords.add(m.getType());
        }
        return keywords;
    }

    /** Problems of one JSON text (a syntax error is one problem). */
    public List<String> validateJson(String schema, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return List.of("not valid JSON: empty");
        }
        return validate(schema, node);
    }

    public List<String> validateJsonFile(String schema, Path file) {
        return validateJson(schema, read(file));
    }

    /** Every non-blank line of a JSON Lines file; problems prefixed with {@code line N: }. */
    public List<String> validateJsonLines(String schema, Path file) {
        List<String> problems = new ArrayList<>();
        List<String> lines;
        try {
            // Lenient decoding: a line with invalid UTF-8 is a bad line, not a reason to stop reading.
            lines = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            for (String p : validateJson(schema, lines.get(i))) {
                problems.add("line " + (i + 1) + ": " + p);
            }
        }
        return problems;
    }

    public List<String> validateCsv(String rowSchema, Path file) {
        try {
            return validateCsv(rowSchema, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every data row of a CSV file with a header; problems prefixed with {@code line N: }. */
    public List<String> validateCsv(String rowSchema, byte[] csv) {
        List<Csv.Row> rows = Csv.read(csv, rowSchema);
        if (rows.isEmpty()) {
            return List.of("empty file: no header");
        }
        List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
        JsonNode properties = schemaDoc(rowSchema).path("properties");
        List<String> problems = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.size()) {
                problems.add("line " + row.line() + ": expected " + header.size() + " fields, got "
                        + row.fields().size());
                continue;
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (int k = 0; k < header.size(); k++) {
                String cell = row.fields().get(k).strip();
                if (!cell.isEmpty()) {
                    object.set(
                            header.get(k),
                            cell(
                                    cell,
                                    properties.path(header.get(k)).path("type").asText()));
                }
            }
            for (String p : validate(rowSchema, object)) {
                problems.add("line " + row.line() + ": " + p);
            }
        }
        return problems;
    }

    private static JsonNode cell(String text, String type) {
        if (type.equals("integer") && text.matches("-?[0-9]+")) {
            return JsonNodeFactory.instance.numberNode(new BigInteger(text));
        }
        if (type.equals("number") && text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    private JsonSchema schemaOf(String name) {
        return schemas.computeIfAbsent(name, n -> factory.getSchema(schemaDoc(n)));
    }

    private JsonNode schemaDoc(String name) {
        return schemaDocs.computeIfAbsent(name, n -> {
            try {
                return MAPPER.readTree(read(dir.resolve(n)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("schema " + n + " is not valid JSON", e);
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
