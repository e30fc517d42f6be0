package dev.claudeproxy.adapters.http.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.ApiErrors;
import dev.claudeproxy.adapters.http.common.SseFormat;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.domain.reply.ReplyEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Translates reply events into Anthropic stream events ({@code event: NAME\ndata: JSON\n\n}). */
final class SseEvents {

    /** One server-sent event on the wire. */
    record SseEvent(String name, String data) {
        byte[] bytes() {
            return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    // spelled like Anthropic's own keep-alive, with the space
    static final SseEvent PING = new SseEvent("ping", "{\"type\": \"ping\"}");

    private SseEvents() {
    }

    /** The Anthropic stream format of one request, for the shared {@code SseReplySink}. */
    static SseFormat format(String requestId) {
        return new SseFormat() {
            @Override
            public List<byte[]> frames(ReplyEvent event) {
                return of(event, requestId).stream().map(SseEvent::bytes).toList();
            }

            @Override
            public byte[] ping() {
                return PING.bytes();
            }
        };
    }

    static List<SseEvent> of(ReplyEvent event, String requestId) {
        return switch (event) {
            case ReplyEvent.Started s -> List.of(messageStart(s));
            case ReplyEvent.BlockStarted b -> List.of(event("content_block_start", WireJson.object()
                    .put("type", "content_block_start").put("index", b.index())
                    .set("content_block", MessageWire.block(b.initial()))));
            case ReplyEvent.TextDelta d -> List.of(delta(d.index(), delta("text_delta").put("text", d.text())));
            case ReplyEvent.ThinkingDelta d ->
                    List.of(delta(d.index(), delta("thinking_delta").put("thinking", d.thinking())));
            case ReplyEvent.SignatureDelta d ->
                    List.of(delta(d.index(), delta("signature_delta").put("signature", d.signature())));
            case ReplyEvent.InputJsonDelta d ->
                    List.of(delta(d.index(), delta("input_json_delta").put("partial_json", d.partialJson())));
            case ReplyEvent.BlockStopped b -> List.of(event("content_block_stop",
                    WireJson.object().put("type", "content_block_stop").put("index", b.index())));
            case ReplyEvent.Finished f -> List.of(messageDelta(f), event("message_stop",
                    WireJson.object().put("type", "message_stop")));
            case ReplyEvent.Failed f -> List.of(event("error", ApiErrors.body(f.error(), requestId)));
        };
    }

    private static SseEvent messageStart(ReplyEvent.Started s) {
        ObjectNode message = WireJson.object()
                .put("id", s.messageId())
                .put("type", "message")
                .put("role", "assistant");
        message.putArray("content");
        message.put("model", s.model()).putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", s.usage().inputTokens()).put("output_tokens", 1);
        ObjectNode body = WireJson.object().put("type", "message_start");
        body.set("message", message);
        return event("message_start", body);
    }

    private static SseEvent messageDelta(ReplyEvent.Finished f) {
        ObjectNode body = WireJson.object().put("type", "message_delta");
        body.putObject("delta").put("stop_reason", f.stopReason().wireName()).putNull("stop_sequence");
        body.putObject("usage")
                .put("output_tokens", f.usage().outputTokens())
                .put("input_tokens", f.usage().inputTokens())
                .put("cache_creation_input_tokens", f.usage().cacheCreationInputTokens())
                .put("cache_read_input_tokens", f.usage().cacheReadInputTokens());
        return event("message_delta", body);
    }

    private static ObjectNode delta(String type) {
        return WireJson.object().put("type", type);
    }

    private static SseEvent delta(int index, ObjectNode delta) {
        ObjectNode body = WireJson.object().put("type", "content_block_delta").put("index", index);
        body.set("delta", delta);
        return event("content_block_delta", body);
    }

    private static SseEvent event(String name, JsonNode body) {
        return new SseEvent(name, WireJson.write(body));
    }
}
