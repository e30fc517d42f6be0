package dev.claudeproxy.adapters.http.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each reply event's exact Anthropic SSE text. */
class SseEventsTest {

    private static String wire(ReplyEvent event) {
        StringBuilder out = new StringBuilder();
        SseEvents.of(event, "req_9").forEach(e -> out.append(new String(e.bytes(), StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Test
    void started_isMessageStartWithEmptyContentAndInputUsage() {
        assertThat(wire(new ReplyEvent.Started("msg_1", "claude-x", new Usage(12, 0, 3, 4)))).isEqualTo(
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-x\",\"stop_reason\":null,"
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n");
    }

    @Test
    void blockStarts_carryTheEmptyBlockOfTheirKind() {
        assertThat(wire(new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")))).isEqualTo(
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        assertThat(wire(new ReplyEvent.BlockStarted(1, new ContentBlock.Thinking("", "")))).contains(
                "\"index\":1,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}");
        assertThat(wire(new ReplyEvent.BlockStarted(2, new ContentBlock.ToolUse("toolu_1", "f", null)))).contains(
                "\"index\":2,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"f\",\"input\":{}}}");
    }

    @Test
    void deltas_haveTheirAnthropicTypes() {
        assertThat(wire(new ReplyEvent.TextDelta(0, "Hi \"you\"\n"))).isEqualTo(
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi \\\"you\\\"\\n\"}}\n\n");
        assertThat(wire(new ReplyEvent.ThinkingDelta(1, "hm"))).contains(
                "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}");
        assertThat(wire(new ReplyEvent.SignatureDelta(1, "sig"))).contains(
                "\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig\"}");
        assertThat(wire(new ReplyEvent.InputJsonDelta(2, "{\"a\":"))).contains(
                "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":\"}");
    }

    @Test
    void blockStopped_isContentBlockStop() {
        assertThat(wire(new ReplyEvent.BlockStopped(3))).isEqualTo(
                "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":3}\n\n");
    }

    @Test
    void finished_isMessageDeltaThenMessageStop() {
        assertThat(wire(new ReplyEvent.Finished(StopReason.TOOL_USE, new Usage(10, 20, 30, 40)))).isEqualTo(
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":20,\"input_tokens\":10,"
                        + "\"cache_creation_input_tokens\":30,\"cache_read_input_tokens\":40}}\n\n"
                        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void failed_isAnErrorEventWithTheRequestId() {
        assertThat(wire(new ReplyEvent.Failed(new ReplyError(ErrorKind.TIMEOUT, "Too slow.", null)))).isEqualTo(
                "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"timeout_error\","
                        + "\"message\":\"Too slow.\"},\"request_id\":\"req_9\"}\n\n");
    }

    @Test
    void ping_isSpelledLikeAnthropics() {
        assertThat(new String(SseEvents.PING.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    }

    @Test
    void toolUseInput_isWrittenAsJson() {
        JsonValue input = dev.claudeproxy.domain.json.JsonParser.parse("{\"n\":1.50,\"l\":[null,false,\"s\"]}");
        assertThat(MessageWire.block(new ContentBlock.ToolUse("t", "f", input)).toString())
                .isEqualTo("{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{\"n\":1.50,\"l\":[null,false,\"s\"]}}");
    }
}
