package dev.claudeproxy.adapters.http.messages;

import static dev.claudeproxy.adapters.http.common.Fields.invalid;
import static dev.claudeproxy.adapters.http.common.Fields.optional;
import static dev.claudeproxy.adapters.http.common.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.common.Fields;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an Anthropic Messages request body into a {@link MessageRequest}; bad input is an {@link InvalidRequestException}. */
public final class MessageRequestParser {

    /** The model used when a request names none. */
    public static final String DEFAULT_MODEL = "claude-sonnet-5-5";

    private MessageRequestParser() {
    }

    static MessageRequest parse(byte[] body, String requestId) {
        JsonNode root = WireJson.parse(body)
                .orElseThrow(() -> new InvalidRequestException("Request body must be valid JSON"));
        if (!root.isObject()) {
            throw new InvalidRequestException("Request body must be a JSON object");
        }
        String model = Fields.optionalString(root, "model", "model").orElse(DEFAULT_MODEL);
        boolean stream = Fields.optionalBoolean(root, "stream", "stream").orElse(false);
        Fields.optionalInt(root, "max_tokens", "max_tokens"); // checked for its type only: the CLI sets its own limit
        String system = system(root);
        List<Message> messages = messages(root);
        List<ToolDefinition> tools = tools(root);
        Optional<ThinkingConfig> thinking = optional(root, "thinking").map(MessageRequestParser::thinking);
        ToolChoice toolChoice = optional(root, "tool_choice").map(MessageRequestParser::toolChoice)
                .orElse(ToolChoice.auto());
        CreateMessageCommand command = new CreateMessageCommand(requestId, model, system, messages, tools, thinking,
                toolChoice);
        return new MessageRequest(command, stream);
    }

    private static String system(JsonNode root) {
        Optional<JsonNode> system = optional(root, "system");
        if (system.isEmpty()) {
            return "";
        }
        JsonNode node = system.get();
        if (node.isTextual()) {
            return node.textValue();
        }
        if (!node.isArray()) {
            throw invalid("system", "must be a string or an array of text blocks");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path("system", i);
            JsonNode block = Fields.requireObject(node.get(i), at);
            if (!"text".equals(block.path("type").asText())) {
                throw invalid(path(at, "type"), "must be \"text\"");
            }
            parts.add(Fields.requiredString(block, "text", path(at, "text")));
        }
        return String.join("\n", parts);
    }

    private static List<Message> messages(JsonNode root) {
        JsonNode node = optional(root, "messages").orElseThrow(() -> invalid("messages", "is required"));
        if (!node.isArray()) {
            throw invalid("messages", "must be an array");
        }
        if (node.isEmpty()) {
            throw invalid("messages", "must contain at least one message");
        }
        List<Message> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(ContentBlockParser.message(node.get(i), path("messages", i)));
        }
        return messages;
    }

    private static List<ToolDefinition> tools(JsonNode root) {
        return Fields.optionalArray(root, "tools", (tool, at) -> Fields.tool(Fields.requireObject(tool, at), at,
                "input_schema"));
    }

    private static ToolChoice toolChoice(JsonNode node) {
        Fields.requireObject(node, "tool_choice");
        Fields.optionalBoolean(node, "disable_parallel_tool_use", "tool_choice.disable_parallel_tool_use");
        return switch (Fields.requiredString(node, "type", "tool_choice.type")) {
            case "auto" -> new ToolChoice.Auto();
            case "any" -> new ToolChoice.Any();
            case "none" -> new ToolChoice.None();
            case "tool" -> new ToolChoice.Named(Fields.requiredString(node, "name", "tool_choice.name"));
            default -> throw invalid("tool_choice.type", "must be \"auto\", \"any\", \"tool\" or \"none\"");
        };
    }

    private static ThinkingConfig thinking(JsonNode node) {
        Fields.requireObject(node, "thinking");
        String type = Fields.requiredString(node, "type", "thinking.type");
        return switch (type) {
            case "enabled" -> {
                int budget = Fields.optionalInt(node, "budget_tokens", "thinking.budget_tokens")
                        .orElseThrow(() -> invalid("thinking.budget_tokens", "is required when thinking is enabled"));
                if (budget < 0) {
                    throw invalid("thinking.budget_tokens", "must not be negative");
                }
                yield new ThinkingConfig.Enabled(budget);
            }
            case "adaptive" -> new ThinkingConfig.Adaptive();
            case "disabled" -> new ThinkingConfig.Disabled();
            default -> throw invalid("thinking.type", "must be \"enabled\", \"adaptive\" or \"disabled\"");
        };
    }
}
