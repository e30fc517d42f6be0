package dev.claudeproxy.adapters.http.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.TestProxy;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error on the OpenAI paths is {@code {"error":{message,type,param,code}}} with the status OpenAI clients expect. */
class ChatCompletionsErrorsTest {

    static final String HELLO = ChatCompletionsHttpTest.HELLO;

    private TestProxy proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private static JsonNode assertOpenAiError(HttpResponse<String> res, int status, String type) {
        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.headers().firstValue("request-id")).isPresent();
        assertThat(res.headers().firstValue("x-request-id")).isPresent();
        JsonNode json = TestProxy.json(res);
        assertThat(json.properties()).hasSize(1);
        JsonNode error = json.get("error");
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.has("message") && error.has("param") && error.has("code")).as(json.toString()).isTrue();
        return error;
    }

    @ParameterizedTest(name = "{0}/{3} -> {1} {2}")
    @CsvSource(nullValues = "null", value = {
            "INVALID_REQUEST, 400, invalid_request_error, null, null",
            "AUTHENTICATION, 401, authentication_error, null, invalid_api_key",
            "PERMISSION, 403, permission_error, null, null",
            "NOT_FOUND, 404, not_found_error, null, null",
            "REQUEST_TOO_LARGE, 413, invalid_request_error, null, request_too_large",
            "RATE_LIMITED, 429, rate_limit_error, upstream_rate_limited, rate_limit_exceeded",
            "OVERLOADED, 429, rate_limit_error, queue_timeout, rate_limit_exceeded",
            "OVERLOADED, 503, server_error, upstream_overloaded, overloaded",
            "TIMEOUT, 504, timeout, null, timeout",
            "API_ERROR, 500, server_error, cli_crashed, null"})
    void eachReplyFailure_hasItsOpenAiStatusTypeAndCode(ErrorKind kind, int status, String type, String reason,
                                                          String code) {
        proxy = new TestProxy();
        proxy.createMessage.throwsException(new ReplyException(new ReplyError(kind, "It failed.", reason)));

        JsonNode error = assertOpenAiError(proxy.post("/v1/chat/completions", HELLO), status, type);

        assertThat(error.get("message").asText()).isEqualTo("It failed.");
        assertThat(error.get("code").isNull() ? null : error.get("code").asText()).isEqualTo(code);
    }

    @Test
    void badJson_and_badFields_are400_withTheParamNamed() {
        proxy = new TestProxy();

        JsonNode notJson = assertOpenAiError(proxy.post("/chat/completions", "{nope"), 400, "invalid_request_error");
        assertThat(notJson.get("message").asText()).isEqualTo("Request body must be valid JSON");
        assertThat(notJson.get("param").isNull()).isTrue();

        JsonNode badArgs = assertOpenAiError(proxy.post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"a\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"f\",\"arguments\":\"not json\"}}]},{\"role\":\"user\",\"content\":\"x\"}]}"),
                400, "invalid_request_error");
        assertThat(badArgs.get("param").asText()).isEqualTo("messages.0.tool_calls.0.function.arguments");

        JsonNode n = assertOpenAiError(proxy.post("/v1/chat/completions",
                "{\"model\":\"m\",\"n\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 400,
                "invalid_request_error");
        assertThat(n.get("message").asText()).isEqualTo("n: only 1 is supported");
        assertThat(n.get("param").asText()).isEqualTo("n");
        assertThat(proxy.createMessage.commands).isEmpty();
    }

    @Test
    void anUnexpectedException_isA500ServerError_withoutItsDetails() {
        proxy = new TestProxy();
        proxy.createMessage.throwsException(new IllegalStateException("secret detail"));

        JsonNode error = assertOpenAiError(proxy.post("/v1/chat/completions", HELLO), 500, "server_error");

        assertThat(error.get("message").asText()).startsWith("Internal server error").doesNotContain("secret");
    }

    @Test
    void unknownPathsUnderChat_areOpenAi404s_whileOtherPathsStayAnthropic() {
        proxy = new TestProxy();

        JsonNode error = assertOpenAiError(proxy.get("/v1/chat/nothing"), 404, "not_found_error");
        assertThat(error.get("message").asText()).isEqualTo("GET /v1/chat/nothing not found");
        assertOpenAiError(proxy.get("/v1/chat/completions"), 404, "not_found_error");
        assertThat(TestProxy.json(proxy.get("/v1/nothing")).get("type").asText()).isEqualTo("error");
    }

    @Test
    void withAnApiKey_aMissingOrWrongKey_isAnOpenAi401_andTheRightBearerPasses() {
        proxy = new TestProxy(TestProxy.PING_INTERVAL, Optional.of("s3cret"), 1_000_000);

        JsonNode missing = assertOpenAiError(proxy.post("/v1/chat/completions", HELLO), 401, "authentication_error");
        assertThat(missing.get("code").asText()).isEqualTo("invalid_api_key");
        assertOpenAiError(proxy.send(proxy.request("/v1/chat/models").header("authorization", "Bearer nope").GET()
                .build()), 401, "authentication_error");
        assertThat(proxy.send(proxy.request("/v1/chat/models").header("authorization", "Bearer s3cret").GET()
                .build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimit_isAnOpenAi413() {
        proxy = new TestProxy(TestProxy.PING_INTERVAL, Optional.empty(), 100);

        JsonNode error = assertOpenAiError(proxy.send(proxy.request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(HELLO + " ".repeat(200))).build()), 413,
                "invalid_request_error");

        assertThat(error.get("code").asText()).isEqualTo("request_too_large");
    }
}
