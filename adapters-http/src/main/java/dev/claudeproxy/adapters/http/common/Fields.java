package dev.claudeproxy.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.domain.message.InvalidRequestException;
import java.util.Optional;
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
