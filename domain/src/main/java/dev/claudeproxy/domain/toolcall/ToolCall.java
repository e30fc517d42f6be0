package dev.claudeproxy.domain.toolcall;

import dev.claudeproxy.domain.json.JsonValue;
import java.util.Objects;

/** One tool call found in the model's text: the tool's name and its JSON object input. */
public record ToolCall(String name, JsonValue.JsonObject input) {
    public ToolCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tool call name must not be blank");
        }
    }
}
