package dev.claudeproxy.adapters.http.openai;

import static dev.claudeproxy.adapters.http.common.Fields.invalid;
import static dev.claudeproxy.adapters.http.common.Fields.optional;
import static dev.claudeproxy.adapters.http.common.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.common.Fields;
import dev.claudeproxy.adapters.http.common.JsonValues;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns OpenAI chat messages into a system prompt and Anthropic-style messages, naming the path of anything malformed. */
final class ChatMessagesParser {

    /** The translated conversation. */
    record Conversation(String system, List<Message> messages) {
    }

    private ChatMessagesParser() {
    }

    static Conversation parse(JsonNode root) {
        JsonNode node = optional(root, "messages").orElseThrow(() -> invalid("messages", "is required"));
        if (!node.isArray()) {
            throw invalid("messages", "must be an array");
        }
        if (node.isEmpty()) {
            throw invalid("messages", "must contain at least one message");
        }
        List<String> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path("messages", i);
            JsonNode message = Fields.requireObject(node.get(i), at);
            String role = Fields.requiredString(message, "role", path(at, "role"));
            switch (role) {
                case "system", "developer" -> system.add(ChatContentParser.text(message.get("content"), path(at, "content")));
                case "user" -> messages.add(new Message(Role.USER, nonEmpty(
                        ChatContentParser.userContent(message.get("content"), path(at, "content")), at)));
                case "assistant" -> messages.add(new Message(Role.ASSISTANT, nonEmpty(assistant(message, at), at)));
                case "tool" -> toolResult(message, at, messages);
                default -> throw invalid(path(at, "role"),
                        "must be \"system\", \"developer\", \"user\", \"assistant\" or \"tool\", got \"" + role + "\"");
            }
        }
        if (messages.isEmpty()) {
            throw invalid("messages", "must contain at least one user, assistant or tool message");
        }
        return new Conversation(String.join("\n\n", system), messages);
    }

    private static List<ContentBlock> assistant(JsonNode message, String at) {
        List<ContentBlock> blocks = new ArrayList<>();
        optional(message, "content").ifPresent(content -> {
            String text = ChatContentParser.text(content, path(at, "content"));
            if (!text.isEmpty()) {
                blocks.add(new ContentBlock.Text(text));
            }
        });
        JsonNode calls = optional(message, "tool_calls").orElse(null);
        if (calls != null && !calls.isArray()) {
            throw invalid(path(at, "tool_calls"), "must be an array");
        }
        for (int i = 0; calls != null && i < calls.size(); i++) {
            blocks.add(toolCall(calls.get(i), path(path(at, "tool_calls"), i)));
        }
        return blocks;
    }

    private static ContentBlock toolCall(JsonNode node, String at) {
        Fields.requireObject(node, at);
        String type = Fields.optionalString(node, "type", path(at, "type")).orElse("function");
        if (!"function".equals(type)) {
            throw invalid(path(at, "type"), "must be \"function\"");
        }
        String id = Fields.optionalString(node, "id", path(at, "id")).orElse("");
        String fn = path(at, "function");
        JsonNode function = Fields.requireObject(node.get("function"), fn);
        String name = Fields.requiredString(function, "name", path(fn, "name"));
        String arguments = Fields.optionalString(function, "arguments", path(fn, "arguments")).orElse("");
        JsonNode input = arguments.isBlank() ? WireJson.object()
                : WireJson.parse(arguments.getBytes(StandardCharsets.UTF_8)).filter(JsonNode::isObject)
                        .orElseThrow(() -> invalid(path(fn, "arguments"), "must be a JSON object encoded as a string"));
        return Fields.build(at, () -> new ContentBlock.ToolUse(id, name, JsonValues.toDomain(input)));
    }

    /** A tool result joins the user message of the tool results right before it, so parallel calls share one. */
    private static void toolResult(JsonNode message, String at, List<Message> messages) {
        String id = Fields.requiredString(message, "tool_call_id", path(at, "tool_call_id"));
        String text = ChatContentParser.text(message.get("content"), path(at, "content"));
        ContentBlock result = new ContentBlock.ToolResult(id, List.of(new ContentBlock.Text(text)), false);
        Message previous = messages.isEmpty() ? null : messages.getLast();
        if (previous != null && previous.role() == Role.USER
                && previous.content().stream().allMatch(ContentBlock.ToolResult.class::isInstance)) {
            List<ContentBlock> merged = new ArrayList<>(previous.content());
            merged.add(result);
            messages.set(messages.size() - 1, new Message(Role.USER, merged));
        } else {
            messages.add(new Message(Role.USER, List.of(result)));
        }
    }

    private static List<ContentBlock> nonEmpty(List<ContentBlock> blocks, String at) {
        if (blocks.isEmpty()) {
            throw invalid(path(at, "content"), "must not be empty");
        }
        return blocks;
    }
}
