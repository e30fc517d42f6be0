package dev.claudeproxy.adapters.http.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.http.TestProxy;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.reply.ReplyException;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streamed chat completions: the exact chunk sequence, usage, and failures before and after the start. */
class ChatCompletionsStreamingTest {

    static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    static final String STREAM_WITH_USAGE = STREAM.replace("\"stream\":true",
            "\"stream\":true,\"stream_options\":{\"include_usage\":true}");
    static final ReplyEvent STARTED = new ReplyEvent.Started("msg_1", "claude-x", new Usage(7, 0, 0, 0));
    static final String HEAD = "data: {\"id\":\"chatcmpl-X\",\"object\":\"chat.completion.chunk\",\"created\":0,"
            + "\"model\":\"gpt-4o\",\"choices\":";
    private static final Pattern ID = Pattern.compile("chatcmpl-[0-9A-Za-z]{24}");

    private TestProxy proxy;

    @BeforeEach
    void start() {
        proxy = new TestProxy(Duration.ofHours(1)); // no pings, so the bytes are exact
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    static String chunk(String delta, String finish) {
        return HEAD + "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}\n\n";
    }

    /** The body with its one completion id and creation second replaced, after checking every chunk shares them. */
    private static String normalized(HttpResponse<String> res) {
        assertThat(ID.matcher(res.body()).results().map(m -> m.group()).distinct()).hasSize(1);
        assertThat(Pattern.compile("\"created\":(\\d+)").matcher(res.body()).results().map(m -> m.group(1))
                .distinct()).hasSize(1);
        return ID.matcher(res.body()).replaceAll("chatcmpl-X").replaceAll("\"created\":\\d+", "\"created\":0");
    }

    @Test
    void aTextStream_isTheRoleChunk_contentDeltas_aFinishChunk_andDone() {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Thinking("", "")),
                new ReplyEvent.ThinkingDelta(0, "hm"), new ReplyEvent.SignatureDelta(0, "s"), new ReplyEvent.BlockStopped(0),
                new ReplyEvent.BlockStarted(1, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(1, "Hel"), new ReplyEvent.TextDelta(1, "lo"), new ReplyEvent.BlockStopped(1),
                new ReplyEvent.Finished(StopReason.END_TURN, new Usage(7, 2, 0, 0)));

        HttpResponse<String> res = proxy.post("/v1/chat/completions", STREAM);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        assertThat(res.headers().firstValue("request-id").orElseThrow()).startsWith("req_");
        assertThat(normalized(res)).isEqualTo(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null")
                + chunk("{\"content\":\"Hel\"}", "null")
                + chunk("{\"content\":\"lo\"}", "null")
                + chunk("{}", "\"stop\"")
                + "data: [DONE]\n\n");
    }

    @Test
    void toolUseBlocks_areToolCallDeltasWithIndexes_thenFinishReasonToolCalls_andUsageWhenAsked() {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Let me check."), new ReplyEvent.BlockStopped(0),
                new ReplyEvent.BlockStarted(1, new ContentBlock.ToolUse("toolu_1", "get_weather", null)),
                new ReplyEvent.InputJsonDelta(1, "{\"city\":"), new ReplyEvent.InputJsonDelta(1, "\"Paris\"}"),
                new ReplyEvent.BlockStopped(1),
                new ReplyEvent.BlockStarted(2, new ContentBlock.ToolUse("toolu_2", "get_time", null)),
                new ReplyEvent.InputJsonDelta(2, "{}"), new ReplyEvent.BlockStopped(2),
                new ReplyEvent.Finished(StopReason.TOOL_USE, new Usage(7, 9, 1, 2)));

        HttpResponse<String> res = proxy.post("/chat/completions", STREAM_WITH_USAGE);

        assertThat(normalized(res)).isEqualTo(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null")
                + chunk("{\"content\":\"Let me check.\"}", "null")
                + chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", "null")
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", "null")
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", "null")
                + chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"toolu_2\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_time\",\"arguments\":\"\"}}]}", "null")
                + chunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}", "null")
                + chunk("{}", "\"tool_calls\"")
                + HEAD + "[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":9,\"total_tokens\":19,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":2}}}\n\n"
                + "data: [DONE]\n\n");
    }

    @Test
    void aFailureBeforeTheStart_isAPlainOpenAiErrorWithItsStatus() {
        proxy.createMessage.streams(new ReplyEvent.Failed(new ReplyError(ErrorKind.OVERLOADED, "Busy.", "upstream_overloaded")));

        HttpResponse<String> res = proxy.post("/v1/chat/completions", STREAM);

        assertThat(res.statusCode()).isEqualTo(503);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(res.body()).isEqualTo("{\"error\":{\"message\":\"Busy.\",\"type\":\"server_error\",\"param\":null,"
                + "\"code\":\"overloaded\"}}");
    }

    @Test
    void aThrownFailureBeforeTheStart_isAPlainOpenAiError() {
        proxy.createMessage.throwsException(new ReplyException(new ReplyError(ErrorKind.OVERLOADED,
                "Server busy.", "queue_timeout")));

        HttpResponse<String> res = proxy.post("/v1/chat/completions", STREAM);

        assertThat(res.statusCode()).isEqualTo(429);
        assertThat(TestProxy.json(res).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void aFailureAfterTheStart_isAnErrorChunk_andTheStreamEndsWithoutDone() {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Hi"),
                new ReplyEvent.Failed(new ReplyError(ErrorKind.TIMEOUT, "The CLI stalled.", null)),
                new ReplyEvent.TextDelta(0, "ignored after the end"));

        HttpResponse<String> res = proxy.post("/v1/chat/completions", STREAM);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(normalized(res)).isEqualTo(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null")
                + chunk("{\"content\":\"Hi\"}", "null")
                + "data: {\"error\":{\"message\":\"The CLI stalled.\",\"type\":\"timeout\",\"param\":null,"
                + "\"code\":\"timeout\"}}\n\n");
    }

    @Test
    void anUnexpectedExceptionAfterTheStart_isAGenericErrorChunk() {
        proxy.createMessage.streams(STARTED).throwsAfterScript(new IllegalStateException("secret detail"));

        HttpResponse<String> res = proxy.post("/v1/chat/completions", STREAM);

        assertThat(res.body()).contains("data: {\"error\":{\"message\":\"Internal server error (request ")
                .contains("\"type\":\"server_error\"").doesNotContain("secret", "[DONE]");
    }
}
