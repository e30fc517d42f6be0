package dev.claudeproxy.domain.message;

import dev.claudeproxy.domain.json.JsonValue;

/** A tool the client offers the model: name, description and JSON Schema of its input. */
public record ToolDefinition(String name, String description, JsonValue inputSchema) {

    public ToolDefinition {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("tool name is required");
        }
        description = description == null ? "" : description;
        inputSchema = inputSchema == null ? JsonValue.JsonObject.empty() : inputSchema;
    }
}
