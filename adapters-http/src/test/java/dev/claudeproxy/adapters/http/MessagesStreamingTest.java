package dev.claudeproxy.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.reply.ReplyException;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Streamed messages whose timing does not matter: the exact wire format and how failures are answered. */
class MessagesStreamingTest {

    static final String STREAM = "{\"model\":\"claude-x\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    static final ReplyEvent STARTED = new ReplyEvent.Started("msg_1", "claude-x", new Usage(7, 0, 0, 0));

    private TestProxy proxy;

    @BeforeEach
    void start() {
        proxy = new TestProxy(Duration.ofHours(1)); // no pings, so the bytes are exact
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void stream_isTheExactAnthropicEventSequence() {
        proxy.createMessage.streams(STARTED,
                new ReplyEvent.BlockStarted(0, new ContentBlock.Thinking("", "")),
                new ReplyEvent.ThinkingDelta(0, "hm"), new ReplyEvent.SignatureDelta(0, "sig"),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.BlockStarted(1, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(1, "Hi"), new ReplyEvent.TextDelta(1, " there"),
                new ReplyEvent.BlockStopped(1),
                new ReplyEvent.BlockStarted(2, new ContentBlock.ToolUse("toolu_1", "f", null)),
                new ReplyEvent.InputJsonDelta(2, "{\"a\":1}"), new ReplyEvent.BlockStopped(2),
                new ReplyEvent.Finished(StopReason.TOOL_USE, new Usage(7, 9, 1, 2)));
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        assertThat(res.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(res.headers().firstValue("request-id").orElseThrow()).startsWith("req_");
        assertThat(res.headers().firstValue("anthropic-version")).hasValue("2023-06-01");
        assertThat(res.body()).isEqualTo(""
                + "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-x\",\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                + "{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                + "{\"type\":\"signature_delta\",\"signature\":\"sig\"}}\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                + "{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                + "{\"type\":\"text_delta\",\"text\":\" there\"}}\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":2,\"content_block\":"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"f\",\"input\":{}}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":"
                + "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":1}\"}}\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":2}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":9,\"input_tokens\":7,"
                + "\"cache_creation_input_tokens\":1,\"cache_read_input_tokens\":2}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"OVERLOADED, 529, overloaded_error", "AUTHENTICATION, 401, authentication_error",
            "API_ERROR, 500, api_error", "TIMEOUT, 504, timeout_error"})
    void failureBeforeStart_isAJsonErrorWithItsRealStatus(ErrorKind kind, int status, String type) {
        proxy.createMessage.streams(new ReplyEvent.Failed(new ReplyError(kind, "Nope.", null)));
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(res.body()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"Nope.\"},"
                + "\"request_id\":\"" + res.headers().firstValue("request-id").orElseThrow() + "\"}");
    }

    @Test
    void replyExceptionBeforeStart_isAJsonErrorWithItsRealStatus() {
        proxy.createMessage.throwsException(new ReplyException(new ReplyError(ErrorKind.RATE_LIMITED, "Slow down.", null)));
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        assertThat(res.statusCode()).isEqualTo(429);
        assertThat(TestProxy.json(res).at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void failureAfterStart_isAnErrorEventThenTheEndOfTheStream() {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Hi"),
                new ReplyEvent.Failed(new ReplyError(ErrorKind.TIMEOUT, "The CLI stalled.", null)),
                new ReplyEvent.TextDelta(0, "ignored after the end"));
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        String id = res.headers().firstValue("request-id").orElseThrow();
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).startsWith("event: message_start\n").endsWith("\"text\":\"Hi\"}}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"timeout_error\","
                + "\"message\":\"The CLI stalled.\"},\"request_id\":\"" + id + "\"}\n\n");
    }

    @Test
    void streamEndingWithoutFinish_getsAnErrorEvent() {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")));
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        assertThat(res.body()).contains("event: content_block_start").endsWith("\"type\":\"api_error\","
                + "\"message\":\"The reply ended before it was complete.\"},\"request_id\":\""
                + res.headers().firstValue("request-id").orElseThrow() + "\"}\n\n");
    }

    @Test
    void streamWithoutAnyEvent_isA500JsonError() {
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        assertThat(res.statusCode()).isEqualTo(500);
        assertThat(TestProxy.json(res).at("/error/type").asText()).isEqualTo("api_error");
    }

    @Test
    void unexpectedExceptionAfterStart_isAGenericErrorEvent() {
        proxy.createMessage.streams(STARTED).throwsAfterScript(new IllegalStateException("secret detail"));
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        JsonNode error = errorEvent(res.body());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(error.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(res.body()).doesNotContain("secret", "IllegalStateException");
    }

    @Test
    void replyExceptionAfterStart_isAnErrorEventWithItsOwnType() {
        proxy.createMessage.streams(STARTED).throwsAfterScript(
                new ReplyException(new ReplyError(ErrorKind.OVERLOADED, "Busy upstream.", null)));
        HttpResponse<String> res = proxy.post("/v1/messages", STREAM);
        JsonNode error = errorEvent(res.body());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(error.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(error.at("/error/message").asText()).isEqualTo("Busy upstream.");
    }

    private static JsonNode errorEvent(String body) {
        String data = body.substring(body.lastIndexOf("event: error\ndata: ") + "event: error\ndata: ".length()).trim();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(data);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
