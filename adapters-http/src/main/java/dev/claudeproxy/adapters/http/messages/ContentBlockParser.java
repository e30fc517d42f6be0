package dev.claudeproxy.adapters.http.messages;

import static dev.claudeproxy.adapters.http.common.Fields.invalid;
import static dev.claudeproxy.adapters.http.common.Fields.optional;
import static dev.claudeproxy.adapters.http.common.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.common.Fields;
import dev.claudeproxy.adapters.http.common.JsonValues;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one message of a request and its content blocks, naming the exact path of anything malformed. */
final class ContentBlockParser {

    private ContentBlockParser() {
    }

    static Message message(JsonNode node, String at) {
        Fields.requireObject(node, at);
        JsonNode role = node.get("role");
        if (role == null || !role.isTextual() || !("user".equals(role.textValue())
                || "assistant".equals(role.textValue()))) {
            throw invalid(path(at, "role"), "must be \"user\" or \"assistant\"");
        }
        return new Message(Role.fromWire(role.textValue()), content(node.get("content"), path(at, "content")));
    }

    private static List<ContentBlock> content(JsonNode node, String at) {
        if (node != null && node.isTextual()) {
            return List.of(new ContentBlock.Text(node.textValue()));
        }
        if (node == null || !node.isArray()) {
            throw invalid(at, "must be a string or an array of content blocks");
        }
        List<ContentBlock> blocks = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            block(node.get(i), path(at, i)).ifPresent(blocks::add);
        }
        return blocks;
    }

    /** One block; empty for blocks that are accepted but carry nothing the CLI can use. */
    private static Optional<ContentBlock> block(JsonNode node, String at) {
        Fields.requireObject(node, at);
        String type = Fields.requiredString(node, "type", path(at, "type"));
        return switch (type) {
            case "text" -> Optional.of(text(node, at));
            case "image" -> Optional.of(image(node, at));
            case "tool_use" -> Optional.of(toolUse(node, at));
            case "tool_result" -> Optional.of(toolResult(node, at));
            case "thinking" -> Optional.of(new ContentBlock.Thinking(
                    Fields.optionalString(node, "thinking", path(at, "thinking")).orElse(""),
                    Fields.optionalString(node, "signature", path(at, "signature")).orElse("")));
            case "redacted_thinking" -> Optional.empty();
            default -> throw invalid(path(at, "type"), "unsupported content block type \"" + type + "\"");
        };
    }

    private static ContentBlock text(JsonNode node, String at) {
        return new ContentBlock.Text(Fields.requiredString(node, "text", path(at, "text")));
    }

    private static ContentBlock image(JsonNode node, String at) {
        Optional<JsonNode> source = optional(node, "source");
        if (source.isEmpty()) {
            // openclaw sends {type:"image", data, mimeType} or {type:"image", data, media_type}
            String data = Fields.requiredString(node, "data", path(at, "data"));
            String mediaType = Fields.optionalString(node, "mimeType", path(at, "mimeType"))
                    .or(() -> Fields.optionalString(node, "media_type", path(at, "media_type")))
                    .orElseThrow(() -> invalid(path(at, "mimeType"), "is required"));
            return Fields.build(at, () -> new ContentBlock.Image(new ImageSource.Base64(mediaType, data)));
        }
        String src = path(at, "source");
        JsonNode s = Fields.requireObject(source.get(), src);
        String kind = Fields.requiredString(s, "type", path(src, "type"));
        ImageSource image = switch (kind) {
            case "base64" -> {
                String mediaType = Fields.requiredString(s, "media_type", path(src, "media_type"));
                String data = Fields.requiredString(s, "data", path(src, "data"));
                yield Fields.build(src, () -> new ImageSource.Base64(mediaType, data));
            }
            case "url" -> {
                String url = Fields.requiredString(s, "url", path(src, "url"));
                yield Fields.build(src, () -> new ImageSource.Url(url));
            }
            default -> throw invalid(path(src, "type"), "must be \"base64\" or \"url\"");
        };
        return new ContentBlock.Image(image);
    }

    private static ContentBlock toolUse(JsonNode node, String at) {
        String id = Fields.optionalString(node, "id", path(at, "id")).orElse("");
        String name = Fields.requiredString(node, "name", path(at, "name"));
        JsonNode input = optional(node, "input").map(i -> Fields.requireObject(i, path(at, "input"))).orElse(null);
        return Fields.build(at, () -> new ContentBlock.ToolUse(id, name,
                input == null ? null : JsonValues.toDomain(input)));
    }

    private static ContentBlock toolResult(JsonNode node, String at) {
        String toolUseId = Fields.optionalString(node, "tool_use_id", path(at, "tool_use_id")).orElse("");
        boolean isError = Fields.optionalBoolean(node, "is_error", path(at, "is_error")).orElse(false);
        String contentAt = path(at, "content");
        List<ContentBlock> content = new ArrayList<>();
        Optional<JsonNode> raw = optional(node, "content");
        if (raw.isPresent() && raw.get().isTextual()) {
            content.add(new ContentBlock.Text(raw.get().textValue()));
        } else if (raw.isPresent() && raw.get().isArray()) {
            for (int i = 0; i < raw.get().size(); i++) {
                String itemAt = path(contentAt, i);
                JsonNode item = Fields.requireObject(raw.get().get(i), itemAt);
                String type = Fields.requiredString(item, "type", path(itemAt, "type"));
                content.add(switch (type) {
                    case "text" -> text(item, itemAt);
                    case "image" -> image(item, itemAt);
                    default -> throw invalid(path(itemAt, "type"), "must be \"text\" or \"image\"");
                });
            }
        } else if (raw.isPresent()) {
            throw invalid(contentAt, "must be a string or an array of text and image blocks");
        }
        return new ContentBlock.ToolResult(toolUseId, content, isError);
    }
}
