package dev.claudeproxy.domain.prompt;

import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.message.ToolOffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The system-prompt section that offers the client's tools to the model (SPEC §5). */
public final class ToolsSection {

    private ToolsSection() {
    }

    /** The section for {@code tools} with the default choice, or "" when there are none. */
    public static String render(List<ToolDefinition> tools) {
        return render(ToolOffer.auto(tools));
    }

    /** The section to append to the system prompt, or "" when no tools are offered (none, or choice {@code none}). */
    public static String render(ToolOffer offer) {
        if (!offer.active()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("\n\n# Tools\n\n")
                .append("You can call the following tools. Each is given as JSON with its name, ")
                .append("description and the JSON Schema of its input:\n\n");
        for (ToolDefinition tool : offer.tools()) {
            Map<String, JsonValue> def = new LinkedHashMap<>();
            def.put("name", new JsonValue.JsonString(tool.name()));
            def.put("description", new JsonValue.JsonString(tool.description()));
            def.put("input_schema", tool.inputSchema());
            out.append(new JsonValue.JsonObject(def).toJson()).append('\n');
        }
        out.append("\nTo call a tool, answer with a block in exactly this form (one block per call):\n")
                .append("<tool_use>\n{\"name\": \"TOOL_NAME\", \"input\": {...}}\n</tool_use>\n")
                .append("Write any text for the user before the first block. After the last block, stop: ")
                .append("the results come back in the next message as [Tool Result (id: ...)] blocks.");
        switch (offer.choice()) {
            case ToolChoice.Any ignored -> out.append("\nIn this answer you must call at least one of these tools.");
            case ToolChoice.Named named -> out.append("\nIn this answer you must call the tool \"")
                    .append(named.name()).append("\".");
            case ToolChoice.Auto ignored -> {
            }
            case ToolChoice.None ignored -> {
            }
        }
        return out.toString();
    }
}
