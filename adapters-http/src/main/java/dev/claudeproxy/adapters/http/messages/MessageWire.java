package dev.claudeproxy.adapters.http.messages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.JsonValues;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.turn.Usage;

/** Writes replies, content blocks and usage in the Anthropic Messages wire format. */
final class MessageWire {

    private MessageWire() {
    }

    /** The whole non-streamed message. */
    static ObjectNode message(AssistantReply reply) {
        ObjectNode out = WireJson.object()
                .put("id", reply.messageId())
                .put("type", "message")
                .put("role", "assistant");
        ArrayNode content = out.putArray("content");
        reply.content().forEach(block -> content.add(block(block)));
        out.put("model", reply.model())
                .put("stop_reason", reply.stopReason().wireName())
                .putNull("stop_sequence");
        out.set("usage", usage(reply.usage()));
        return out;
    }

    static ObjectNode usage(Usage usage) {
        return WireJson.object()
                .put("input_tokens", usage.inputTokens())
                .put("output_tokens", usage.outputTokens())
                .put("cache_creation_input_tokens", usage.cacheCreationInputTokens())
                .put("cache_read_input_tokens", usage.cacheReadInputTokens());
    }

    static ObjectNode block(ContentBlock block) {
        ObjectNode out = WireJson.object();
        switch (block) {
            case ContentBlock.Text t -> out.put("type", "text").put("text", t.text());
            case ContentBlock.Thinking t -> out.put("type", "thinking")
                    .put("thinking", t.thinking())
                    .put("signature", t.signature());
            case ContentBlock.ToolUse u -> out.put("type", "tool_use")
                    .put("id", u.id())
                    .put("name", u.name())
                    .set("input", JsonValues.toJackson(u.input()));
            case ContentBlock.Image i -> out.put("type", "image").set("source", source(i.source()));
            case ContentBlock.ToolResult r -> {
                out.put("type", "tool_result").put("tool_use_id", r.toolUseId());
                ArrayNode content = out.putArray("content");
                r.content().forEach(c -> content.add(block(c)));
                out.put("is_error", r.isError());
            }
        }
        return out;
    }

    private static ObjectNode source(ImageSource source) {
        return switch (source) {
            case ImageSource.Base64 b -> WireJson.object()
                    .put("type", "base64").put("media_type", b.mediaType()).put("data", b.data());
            case ImageSource.Url u -> WireJson.object().put("type", "url").put("url", u.url());
        };
    }
}
