package dev.claudeproxy.domain.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An immutable JSON value, so tool inputs and schemas can live in the domain without a JSON library. */
public sealed interface JsonValue {

    /** Renders this value as compact JSON text. */
    default String toJson() {
        return JsonWriter.write(this);
    }

    /** A JSON object whose members keep their insertion order. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(members, "members")));
        }

        public static JsonObject empty() {
            return new JsonObject(Map.of());
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON number, kept exact. */
    record JsonNumber(BigDecimal value) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON boolean. */
    record JsonBool(boolean value) implements JsonValue {
    }

    /** The JSON null. */
    record JsonNull() implements JsonValue {
        public static final JsonNull INSTANCE = new JsonNull();
    }
}
