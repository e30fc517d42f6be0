package dev.claudeproxy.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and the domain's {@link JsonValue}, so tool inputs and schemas cross the edge. */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    public static JsonValue toDomain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValue.JsonNull.INSTANCE;
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            node.properties().forEach(e -> members.put(e.getKey(), toDomain(e.getValue())));
            return new JsonValue.JsonObject(members);
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(toDomain(item)));
            return new JsonValue.JsonArray(items);
        }
        if (node.isNumber()) {
            return new JsonValue.JsonNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new JsonValue.JsonBool(node.booleanValue());
        }
        return new JsonValue.JsonString(node.asText());
    }

    public static JsonNode toJackson(JsonValue value) {
        return switch (value) {
            case JsonValue.JsonObject o -> {
                ObjectNode out = NODES.objectNode();
                o.members().forEach((k, v) -> out.set(k, toJackson(v)));
                yield out;
            }
            case JsonValue.JsonArray a -> {
                ArrayNode out = NODES.arrayNode();
                a.items().forEach(v -> out.add(toJackson(v)));
                yield out;
            }
            case JsonValue.JsonString s -> NODES.textNode(s.value());
            case JsonValue.JsonNumber n -> NODES.numberNode(n.value());
            case JsonValue.JsonBool b -> NODES.booleanNode(b.value());
            case JsonValue.JsonNull ignored -> NODES.nullNode();
        };
    }
}
