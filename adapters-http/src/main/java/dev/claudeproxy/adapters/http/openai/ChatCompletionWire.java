package dev.claudeproxy.adapters.http.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;

/** Writes replies in the OpenAI Chat Completions wire format: the whole completion, its finish reason and usage. */
final class ChatCompletionWire {

    /** What every object of one completion repeats: its {@code chatcmpl-} id, creation second and the model asked. */
    record Header(String id, long created, String model) {

        ObjectNode object(String type) {
            return WireJson.object().put("id", id).put("object", type).put("created", created).put("model", model);
        }
    }

    private ChatCompletionWire() {
    }

    /** The non-streamed {@code chat.completion}; text blocks are joined, tool uses become tool calls. */
    static ObjectNode completion(Header header, AssistantReply reply) {
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = WireJson.array();
        for (ContentBlock block : reply.content()) {
            switch (block) {
                case ContentBlock.Text t -> text.append(t.text());
                case ContentBlock.ToolUse u -> toolCalls.add(toolCall(u));
                default -> {
                } // thinking has no place in a chat completion
            }
        }
        ObjectNode message = WireJson.object().put("role", "assistant");
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        message.putNull("refusal");
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        ObjectNode out = header.object("chat.completion");
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs").put("finish_reason", finishReason(reply.stopReason()));
        out.set("usage", usage(reply.usage()));
        return out;
    }

    private static ObjectNode toolCall(ContentBlock.ToolUse use) {
        ObjectNode call = WireJson.object().put("id", use.id()).put("type", "function");
        call.putObject("function").put("name", use.name()).put("arguments", use.input().toJson());
        return call;
    }

    static String finishReason(StopReason reason) {
        return switch (reason) {
            case MAX_TOKENS -> "length";
            case TOOL_USE -> "tool_calls";
            case REFUSAL -> "content_filter";
            case END_TURN, STOP_SEQUENCE, PAUSE_TURN -> "stop";
        };
    }

    /** OpenAI counts cached prompt tokens into {@code prompt_tokens} and details them separately. */
    static ObjectNode usage(Usage usage) {
        int prompt = usage.inputTokens() + usage.cacheCreationInputTokens() + usage.cacheReadInputTokens();
        ObjectNode out = WireJson.object()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", usage.outputTokens())
                .put("total_tokens", prompt + usage.outputTokens());
        out.putObject("prompt_tokens_details").put("cached_tokens", usage.cacheReadInputTokens());
        return out;
    }
}
