package io.gridpulse.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent reading of a generated feed with plain Jackson, following the contract's checks in
 * order, to re-derive the manifest's counts rather than trust the generator's counters.
 */
final class FeedOracle {

    static final Set<String> TYPES = Set.of(
            "REPORTED",
            "VERIFIED",
            "REGISTERED",
            "DISPATCHED",
            "DISPOSED",
            "CHECKED",
            "REWORK",
            "RETURNED",
            "POSTPONED",
            "SUPERVISED",
            "SUSPENDED",
            "RESUMED",
            "CLOSED",
            "CANCELLED");
    static final Set<String> SOURCES =
            Set.of("INSPECTOR", "HOTLINE_12345", "HOTLINE_12319", "VIDEO", "PUBLIC_APP", "DRONE", "SENSOR");
    static final Set<String> VEHICLE_TYPES = Set.of("MUCK", "SWEEPER", "GARBAGE", "SPRINKLER", "PATROL", "OTHER");
    static final Set<String> CRS = Set.of("WGS84", "CGCS2000", "GCJ02", "BD09");

    final Map<String, Long> bad = new TreeMap<>();
    final List<JsonNode> valid = new ArrayList<>();
    long lines;

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<String, String> seen = new HashMap<>();

    static FeedOracle read(Path file, String feed, Set<String> categories) throws IOException {
        FeedOracle o = new FeedOracle();
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (i > start) {
                    byte[] line = java.util.Arrays.copyOfRange(all, start, i);
                    o.lines++;
                    String reason = o.check(line, feed, categories);
                    if (reason != null) {
                        o.bad.merge(reason, 1L, Long::sum);
                    }
                }
                start = i + 1;
            }
        }
        return o;
    }

    private String check(byte[] raw, String feed, Set<String> categories) {
        if (raw.length > 1024 * 1024) {
            return "TOO_LARGE";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return "BAD_ENCODING";
        }
        JsonNode n;
        try {
            n = mapper.readTree(text);
        } catch (IOException e) {
            return "MALFORMED_JSON";
        }
        if (n == null || !n.isObject()) {
            return "NOT_AN_OBJECT";
        }
        List<String> required = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        switch (feed) {
            case "cases" -> {
                required.addAll(List.of("eventId", "caseId", "type", "time"));
                strings.addAll(List.of(
                        "eventId",
                        "caseId",
                        "type",
                        "time",
                        "source",
                        "categoryCode",
                        "department",
                        "deadline",
                        "crs",
                        "inspectorId",
                        "address",
                        "description",
                        "reporterPhone"));
                numbers.addAll(List.of("lon", "lat"));
                if ("REPORTED".equals(n.path("type").asText(null))) {
                    required.addAll(List.of("source", "categoryCode", "lon", "lat"));
                }
                String type = n.path("type").asText("");
                if (type.equals("DISPATCHED") || type.equals("RETURNED")) {
                    required.add("department");
                }
                if (type.equals("POSTPONED")) {
                    required.add("deadline");
                }
            }
            case "vehicles" -> {
                required.addAll(List.of("vehicleId", "time", "lon", "lat"));
                strings.addAll(List.of("vehicleId", "time", "crs", "vehicleType", "plate"));
                numbers.addAll(List.of("lon", "lat", "speed", "heading"));
            }
            default -> {
                required.addAll(List.of("sensorId", "time", "type", "value"));
                strings.addAll(List.of("sensorId", "time", "type", "unit", "crs"));
                numbers.addAll(List.of("value", "lon", "lat"));
            }
        }
        for (String f : required) {
            if (!n.has(f) || n.get(f).isNull()) {
                return "MISSING_FIELD";
            }
        }
        for (String f : strings) {
            if (n.has(f) && !n.get(f).isTextual()) {
                return "WRONG_TYPE";
            }
        }
        for (String f : numbers) {
            if (n.has(f) && !n.get(f).isNumber()) {
                return "WRONG_TYPE";
            }
        }
        if (feed.equals("cases")) {
            if (!TYPES.contains(n.get("type").asText())
                    || (n.has("source") && !SOURCES.contains(n.get("source").asText()))) {
                return "UNKNOWN_VALUE";
            }
        }
        if (n.has("crs") && !CRS.contains(n.get("crs").asText())) {
            return "UNKNOWN_VALUE";
        }
        if (n.has("vehicleType") && !VEHICLE_TYPES.contains(n.get("vehicleType").asText())) {
            return "UNKNOWN_VALUE";
        }
        long time;
        try {
            time = OffsetDateTime.parse(n.get("time").asText()).toEpochSecond();
        } catch (DateTimeParseException e) {
            return "BAD_TIME";
        }
        if (time > System.currentTimeMillis() / 1000 + 86_400) {
            return "FUTURE_TIME";
        }
        if (n.has("lon") || n.has("lat")) {
            double lon = n.path("lon").asDouble(0);
            double lat = n.path("lat").asDouble(0);
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                return "BAD_COORDINATES";
            }
        }
        if (n.has("categoryCode") && !categories.contains(n.get("categoryCode").asText())) {
            return "UNKNOWN_CATEGORY";
        }
        if (n.has("deadline")) {
            long deadline;
            try {
                deadline = OffsetDateTime.parse(n.get("deadline").asText()).toEpochSecond();
            } catch (DateTimeParseException e) {
                return "BAD_DEADLINE";
            }
            if (deadline < time) {
                return "BAD_DEADLINE";
            }
        }
        String key =
                switch (feed) {
                    case "cases" -> n.get("eventId").asText();
                    case "vehicles" -> n.get("vehicleId").asText() + "@" + time;
                    default -> n.get("sensorId").asText() + "/" + n.get("type").asText() + "@" + time;
                };
        String before = seen.putIfAbsent(key, text);
        if (before == null) {
            valid.add(n);
            return null;
        }
        return before.equals(text) ? null : "DUPLICATE_CONFLICT";
    }
}
