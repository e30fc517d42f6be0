package dev.claudeproxy.domain.json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a {@link JsonValue.JsonObject} member by member; a {@code null} value becomes JSON null. */
public final class JsonObjectBuilder {

    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    public JsonObjectBuilder put(String name, String value) {
        return put(name, value == null ? null : new JsonValue.JsonString(value));
    }

    public JsonObjectBuilder put(String name, long value) {
        return put(name, new JsonValue.JsonNumber(BigDecimal.valueOf(value)));
    }

    public JsonObjectBuilder put(String name, Long value) {
        return put(name, value == null ? null : new JsonValue.JsonNumber(BigDecimal.valueOf(value)));
    }

    public JsonObjectBuilder put(String name, double value) {
        return put(name, new JsonValue.JsonNumber(BigDecimal.valueOf(value)));
    }

    public JsonObjectBuilder put(String name, boolean value) {
        return put(name, new JsonValue.JsonBool(value));
    }

    public JsonObjectBuilder put(String name, JsonValue value) {
        members.put(name, value == null ? JsonValue.JsonNull.INSTANCE : value);
        return this;
    }

    public JsonValue.JsonObject build() {
        return new JsonValue.JsonObject(members);
    }
}
