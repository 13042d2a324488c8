package io.gridpulse.demo.feed;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small ordered JSON object for building bad lines by mutating a valid one: values are strings
 * (quoted) or raw JSON text (numbers, nested values). Not thread-safe.
 */
public final class JsonObject {

    private record Raw(String text) {}

    private final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();

    public JsonObject put(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public JsonObject putRaw(String name, String json) {
        fields.put(name, new Raw(json));
        return this;
    }

    public JsonObject putNumber(String name, double value, int decimals) {
        StringBuilder sb = new StringBuilder();
        JsonText.fixed(sb, value, decimals);
        return putRaw(name, sb.toString());
    }

    public JsonObject remove(String name) {
        fields.remove(name);
        return this;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The field's value as JSON text. */
    public String json(String name) {
        Object v = fields.get(name);
        if (v instanceof Raw r) {
            return r.text();
        }
        StringBuilder sb = new StringBuilder();
        JsonText.string(sb, (String) v);
        return sb.toString();
    }

    public String string(String name) {
        Object v = fields.get(name);
        return v instanceof String s ? s : null;
    }

    public JsonObject copy() {
        JsonObject c = new JsonObject();
        c.fields.putAll(fields);
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            JsonText.key(sb, e.getKey());
            if (e.getValue() instanceof Raw r) {
                sb.append(r.text());
            } else {
                JsonText.string(sb, (String) e.getValue());
            }
        }
        return sb.append('}').toString();
    }

    public byte[] bytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }
}
