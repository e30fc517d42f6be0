package dev.claudeproxy.adapters.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.OpenAiErrors;
import dev.claudeproxy.adapters.http.common.SseFormat;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ReplyEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Spells one reply stream as OpenAI {@code chat.completion.chunk}s ({@code data: JSON\n\n}), ending with {@code [DONE]}. */
final class ChatChunkFormat implements SseFormat {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8); // an SSE comment: clients skip it

    private final ChatCompletionWire.Header header;
    private final boolean includeUsage;
    private final Map<Integer, Integer> toolCallOfBlock = new HashMap<>(); // content block index → tool call index

    ChatChunkFormat(ChatCompletionWire.Header header, boolean includeUsage) {
        this.header = header;
        this.includeUsage = includeUsage;
    }

    @Override
    public List<byte[]> frames(ReplyEvent event) {
        return switch (event) {
            case ReplyEvent.Started ignored -> List.of(chunk(delta().put("role", "assistant").put("content", ""), null));
            case ReplyEvent.BlockStarted b when b.initial() instanceof ContentBlock.ToolUse u -> {
                int index = toolCallOfBlock.size();
                toolCallOfBlock.put(b.index(), index);
                ObjectNode call = WireJson.object().put("index", index).put("id", u.id()).put("type", "function");
                call.putObject("function").put("name", u.name()).put("arguments", "");
                yield List.of(toolCallChunk(call));
            }
            case ReplyEvent.TextDelta d -> List.of(chunk(delta().put("content", d.text()), null));
            case ReplyEvent.InputJsonDelta d when toolCallOfBlock.containsKey(d.index()) -> {
                ObjectNode call = WireJson.object().put("index", toolCallOfBlock.get(d.index()));
                call.putObject("function").put("arguments", d.partialJson());
                yield List.of(toolCallChunk(call));
            }
            case ReplyEvent.Finished f -> finished(f);
            case ReplyEvent.Failed f -> List.of(frame(OpenAiErrors.body(f.error())));
            default -> List.of(); // block boundaries, thinking and signatures have no chunk of their own
        };
    }

    @Override
    public byte[] ping() {
        return PING;
    }

    private List<byte[]> finished(ReplyEvent.Finished f) {
        byte[] last = chunk(delta(), ChatCompletionWire.finishReason(f.stopReason()));
        if (!includeUsage) {
            return List.of(last, DONE);
        }
        ObjectNode usage = header.object("chat.completion.chunk");
        usage.putArray("choices");
        usage.set("usage", ChatCompletionWire.usage(f.usage()));
        return List.of(last, frame(usage), DONE);
    }

    private byte[] toolCallChunk(ObjectNode call) {
        ObjectNode delta = delta();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private byte[] chunk(ObjectNode delta, String finishReason) {
        ObjectNode out = header.object("chat.completion.chunk");
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs").put("finish_reason", finishReason);
        return frame(out);
    }

    private static ObjectNode delta() {
        return WireJson.object();
    }

    private static byte[] frame(JsonNode body) {
        return ("data: " + WireJson.write(body) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
