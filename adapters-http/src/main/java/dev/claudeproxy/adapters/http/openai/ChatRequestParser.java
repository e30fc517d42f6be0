package dev.claudeproxy.adapters.http.openai;

import static dev.claudeproxy.adapters.http.common.Fields.invalid;
import static dev.claudeproxy.adapters.http.common.Fields.optional;
import static dev.claudeproxy.adapters.http.common.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.common.Fields;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.List;
import java.util.Optional;

/** Reads an OpenAI Chat Completions request body into a {@link ChatRequest}; bad input is an {@link InvalidRequestException}. */
final class ChatRequestParser {

    private ChatRequestParser() {
    }

    static ChatRequest parse(byte[] body, String requestId) {
        JsonNode root = WireJson.parse(body)
                .orElseThrow(() -> new InvalidRequestException("Request body must be valid JSON"));
        if (!root.isObject()) {
            throw new InvalidRequestException("Request body must be a JSON object");
        }
        String model = Fields.requiredString(root, "model", "model");
        boolean stream = Fields.optionalBoolean(root, "stream", "stream").orElse(false);
        boolean includeUsage = optional(root, "stream_options")
                .map(o -> Fields.requireObject(o, "stream_options"))
                .flatMap(o -> Fields.optionalBoolean(o, "include_usage", "stream_options.include_usage"))
                .orElse(false);
        checkSamplingFields(root);
        ChatMessagesParser.Conversation conversation = ChatMessagesParser.parse(root);
        ToolChoice toolChoice = optional(root, "tool_choice").map(ChatRequestParser::toolChoice)
                .orElse(ToolChoice.auto());
        Fields.optionalBoolean(root, "parallel_tool_calls", "parallel_tool_calls");
        CreateMessageCommand command = new CreateMessageCommand(requestId, model, conversation.system(),
                conversation.messages(), tools(root), Optional.empty(), toolChoice);
        return new ChatRequest(command, stream, includeUsage);
    }

    /** Fields the CLI cannot honour are accepted, but only with the types OpenAI defines. */
    private static void checkSamplingFields(JsonNode root) {
        Fields.optionalInt(root, "n", "n").filter(n -> n != 1).ifPresent(n -> {
            throw invalid("n", "only 1 is supported");
        });
        Fields.optionalInt(root, "max_tokens", "max_tokens");
        Fields.optionalInt(root, "max_completion_tokens", "max_completion_tokens");
        number(root, "temperature");
        number(root, "top_p");
        Fields.optionalString(root, "user", "user");
        optional(root, "stop").ifPresent(stop -> {
            boolean strings = stop.isArray() && stop.valueStream().allMatch(JsonNode::isTextual);
            if (!stop.isTextual() && !strings) {
                throw invalid("stop", "must be a string or an array of strings");
            }
        });
    }

    private static ToolChoice toolChoice(JsonNode choice) {
        if (choice.isObject()) {
            String type = Fields.optionalString(choice, "type", "tool_choice.type").orElse("function");
            if (!"function".equals(type)) {
                throw invalid("tool_choice.type", "must be \"function\"");
            }
            return new ToolChoice.Named(Fields.requiredString(
                    Fields.requireObject(choice.get("function"), "tool_choice.function"), "name",
                    "tool_choice.function.name"));
        }
        return switch (choice.isTextual() ? choice.textValue() : "") {
            case "auto" -> new ToolChoice.Auto();
            case "required" -> new ToolChoice.Any();
            case "none" -> new ToolChoice.None();
            default -> throw invalid("tool_choice", "must be \"none\", \"auto\", \"required\" or a function object");
        };
    }

    private static void number(JsonNode root, String name) {
        optional(root, name).filter(v -> !v.isNumber()).ifPresent(v -> {
            throw invalid(name, "must be a number");
        });
    }

    private static List<ToolDefinition> tools(JsonNode root) {
        return Fields.optionalArray(root, "tools", (node, at) -> {
            JsonNode tool = Fields.requireObject(node, at);
            String type = Fields.optionalString(tool, "type", path(at, "type")).orElse("function");
            if (!"function".equals(type)) {
                throw invalid(path(at, "type"), "must be \"function\"");
            }
            String fn = path(at, "function");
            return Fields.tool(Fields.requireObject(tool.get("function"), fn), fn, "parameters");
        });
    }
}
