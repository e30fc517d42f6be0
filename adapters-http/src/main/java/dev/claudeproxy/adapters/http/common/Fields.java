package dev.claudeproxy.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Typed reads of request fields; every failure is an {@link InvalidRequestException} naming the field's path. */
public final class Fields {

    private Fields() {
    }

    public static InvalidRequestException invalid(String path, String problem) {
        return new InvalidRequestException(path + ": " + problem);
    }

    public static String path(String parent, Object child) {
        return parent + "." + child;
    }

    /** The member when present and not null. */
    public static Optional<JsonNode> optional(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public static Optional<String> optionalString(JsonNode object, String name, String path) {
        return optional(object, name).map(v -> {
            if (!v.isTextual()) {
                throw invalid(path, "must be a string");
            }
            return v.textValue();
        });
    }

    public static String requiredString(JsonNode object, String name, String path) {
        return optionalString(object, name, path).orElseThrow(() -> invalid(path, "is required"));
    }

    public static Optional<Boolean> optionalBoolean(JsonNode object, String name, String path) {
        return optional(object, name).map(v -> {
            if (!v.isBoolean()) {
                throw invalid(path, "must be a boolean");
            }
            return v.booleanValue();
        });
    }

    public static Optional<Integer> optionalInt(JsonNode object, String name, String path) {
        return optional(object, name).map(v -> {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw invalid(path, "must be an integer");
            }
            return v.intValue();
        });
    }

    /** The optional array {@code name} of {@code object}, each element read by {@code item}; empty when absent. */
    public static <T> List<T> optionalArray(JsonNode object, String name, BiFunction<JsonNode, String, T> item) {
        Optional<JsonNode> array = optional(object, name);
        if (array.isEmpty()) {
            return List.of();
        }
        if (!array.get().isArray()) {
            throw invalid(name, "must be an array");
        }
        List<T> out = new ArrayList<>(array.get().size());
        for (int i = 0; i < array.get().size(); i++) {
            out.add(item.apply(array.get().get(i), path(name, i)));
        }
        return out;
    }

    /** A tool definition from its name, description and JSON Schema fields of {@code object}, named by path. */
    public static ToolDefinition tool(JsonNode object, String path, String schemaField) {
        String name = requiredString(object, "name", path(path, "name"));
        String description = optionalString(object, "description", path(path, "description")).orElse("");
        JsonNode schema = optional(object, schemaField).map(s -> requireObject(s, path(path, schemaField))).orElse(null);
        return build(path, () -> new ToolDefinition(name, description, schema == null ? null : JsonValues.toDomain(schema)));
    }

    public static JsonNode requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "must be an object");
        }
        return node;
    }

    /** Runs a domain constructor, prefixing the rule it reports with the field's path. */
    public static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidRequestException e) {
            throw invalid(path, e.getMessage());
        }
    }
}
