package dev.claudeproxy.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyException;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-streamed messages, count_tokens, and how bad input and failures are answered. */
class MessagesHttpTest {

    static final String HELLO = "{\"model\":\"claude-opus-4-6\",\"max_tokens\":100,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    private TestProxy proxy;

    @BeforeEach
    void start() {
        proxy = new TestProxy();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages", "/messages"})
    void nonStreamedMessage_isTheWholeAnthropicMessage(String path) {
        proxy.createMessage.replies(new AssistantReply("msg_1", "claude-opus-4-6", List.of(
                new ContentBlock.Thinking("hmm", "sig"),
                new ContentBlock.Text("Hi!"),
                new ContentBlock.ToolUse("toolu_1", "get_weather", JsonParser.parse("{\"city\":\"Paris\"}"))),
                StopReason.TOOL_USE, new Usage(10, 5, 2, 3)));
        HttpResponse<String> res = proxy.post(path, HELLO);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(res.body()).isEqualTo("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"sig\"},"
                + "{\"type\":\"text\",\"text\":\"Hi!\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}],"
                + "\"model\":\"claude-opus-4-6\",\"stop_reason\":\"tool_use\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5,\"cache_creation_input_tokens\":2,"
                + "\"cache_read_input_tokens\":3}}");
    }

    @Test
    void command_carriesTheResponsesRequestIdAndTheParsedRequest() {
        proxy.createMessage.replies(new AssistantReply("msg_1", "m", List.of(), StopReason.END_TURN, Usage.ZERO));
        HttpResponse<String> res = proxy.post("/v1/messages", HELLO);
        var command = proxy.createMessage.commands.getFirst();
        assertThat(command.requestId()).isEqualTo(res.headers().firstValue("request-id").orElseThrow());
        assertThat(command.model()).isEqualTo("claude-opus-4-6");
        assertThat(command.messages()).containsExactly(Message.user("Hello"));
    }

    @Test
    void callersRequestId_reachesTheCommand() {
        proxy.createMessage.replies(new AssistantReply("msg_1", "m", List.of(), StopReason.END_TURN, Usage.ZERO));
        proxy.send(proxy.request("/v1/messages").header("x-request-id", "trace-7")
                .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build());
        assertThat(proxy.createMessage.commands.getFirst().requestId()).isEqualTo("trace-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages/count_tokens", "/messages/count_tokens"})
    void countTokens_answersInputTokensWithoutMaxTokens(String path) {
        HttpResponse<String> res = proxy.post(path, "{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"input_tokens\":42}");
    }

    @Test
    void countTokensWithoutMessages_isInvalidRequest() {
        HttpResponse<String> res = proxy.post("/v1/messages/count_tokens", "{\"model\":\"x\"}");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(TestProxy.json(res).at("/error/message").asText()).startsWith("messages:");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json                                          | Request body must be valid JSON",
            "{\"model\":\"x\"}                                 | messages:",
            "{\"messages\":[]}                                 | messages:",
            "{\"messages\":\"hi\"}                             | messages:",
            "{\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}  | messages.0.role:",
            "{\"messages\":[{\"role\":\"user\",\"content\":1}]}     | messages.0.content:",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"video\"}]}]} | messages.0.content.0.type:",
            "{\"system\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}     | system:",
            "{\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | stream:",
            "{\"thinking\":{\"type\":\"max\"},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | thinking.type:",
    })
    void badInput_is400InvalidRequestNamingTheField(String body, String expectedStart) {
        HttpResponse<String> res = proxy.send(proxy.request("/v1/messages").header("x-request-id", "bad-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        JsonNode json = TestProxy.json(res);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(json.get("type").asText()).isEqualTo("error");
        assertThat(json.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(json.at("/error/message").asText()).startsWith(expectedStart);
        assertThat(json.get("request_id").asText()).isEqualTo("bad-1");
        assertThat(res.headers().firstValue("request-id")).hasValue("bad-1");
        assertThat(proxy.createMessage.commands).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "INVALID_REQUEST, 400, invalid_request_error", "AUTHENTICATION, 401, authentication_error",
            "PERMISSION, 403, permission_error", "NOT_FOUND, 404, not_found_error",
            "REQUEST_TOO_LARGE, 413, request_too_large", "RATE_LIMITED, 429, rate_limit_error",
            "OVERLOADED, 529, overloaded_error", "TIMEOUT, 504, timeout_error", "API_ERROR, 500, api_error"})
    void replyFailure_isAnsweredWithItsStatusAndType(ErrorKind kind, int status, String type) {
        proxy.createMessage.throwsException(new ReplyException(new ReplyError(kind, "It failed: " + kind, null)));
        HttpResponse<String> res = proxy.post("/v1/messages", HELLO);
        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.body()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":"
                + "\"It failed: " + kind + "\"},\"request_id\":\"" + res.headers().firstValue("request-id").orElseThrow()
                + "\"}");
        assertThat(res.headers().firstValue("anthropic-version")).hasValue("2023-06-01");
        assertThat(res.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void unexpectedException_is500ApiErrorWithoutItsDetails() {
        proxy.createMessage.throwsException(new IllegalStateException("secret internal detail"));
        HttpResponse<String> res = proxy.post("/v1/messages", HELLO);
        JsonNode json = TestProxy.json(res);
        assertThat(res.statusCode()).isEqualTo(500);
        assertThat(json.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(res.body()).doesNotContain("secret", "IllegalStateException", "at dev.");
        assertThat(json.get("request_id").asText()).isEqualTo(res.headers().firstValue("request-id").orElseThrow());
    }
}
