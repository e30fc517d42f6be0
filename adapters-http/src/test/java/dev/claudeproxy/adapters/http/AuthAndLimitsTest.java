package dev.claudeproxy.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API key (SPEC §8) on every route but {@code GET /}, and the request body size limit (413). */
class AuthAndLimitsTest {

    static final String HELLO = "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final ObjectMapper mapper = new ObjectMapper();
    private TestProxy proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private void start(Optional<String> key, long maxBody) {
        proxy = new TestProxy(TestProxy.PING_INTERVAL, key, maxBody);
        proxy.createMessage.replies(new AssistantReply("msg_x", "m", List.of(new ContentBlock.Text("ok")),
                StopReason.END_TURN, Usage.of(1, 1)));
    }

    @Test
    void withAKey_everyRouteButTheRootNeedsIt() throws Exception {
        start(Optional.of("s3cret"), 1_000_000);

        assertThat(proxy.get("/").statusCode()).isEqualTo(200);
        assertAuthError(proxy.post("/v1/messages", HELLO), "Missing API key");
        assertAuthError(proxy.get("/v1/models"), "Missing API key");
        assertAuthError(proxy.get("/no/such/route"), "Missing API key");
        assertAuthError(proxy.get("/sessions"), "Missing API key");
        assertAuthError(proxy.post("/sessions/cleanup", ""), "Missing API key");
        assertAuthError(proxy.send(proxy.request("/sessions/c1").DELETE().build()), "Missing API key");
        assertThat(proxy.sessions.cleanups).hasValue(0);
        assertAuthError(proxy.send(proxy.request("/v1/messages").header("x-api-key", "wrong")
                .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build()), "Invalid API key");
        assertAuthError(proxy.send(proxy.request("/v1/models").header("authorization", "Bearer s3cre")
                .GET().build()), "Invalid API key");
    }

    @Test
    void withAKey_xApiKeyAndBearerBothWork_andPreflightsNeedNone() {
        start(Optional.of("s3cret"), 1_000_000);

        assertThat(proxy.send(proxy.request("/v1/messages").header("x-api-key", "s3cret")
                .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build()).statusCode()).isEqualTo(200);
        assertThat(proxy.send(proxy.request("/v1/models").header("Authorization", "Bearer s3cret")
                .GET().build()).statusCode()).isEqualTo(200);
        assertThat(proxy.send(proxy.request("/v1/messages").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "http://x.test").header("access-control-request-method", "POST").build())
                .statusCode()).isEqualTo(204);
    }

    @Test
    void withoutAKey_theServerIsOpen() {
        start(Optional.empty(), 1_000_000);

        assertThat(proxy.post("/v1/messages", HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimit_is413RequestTooLarge_withOrWithoutAContentLength() throws Exception {
        start(Optional.empty(), 1000);
        String big = HELLO.replace("Hi", "x".repeat(2000));

        assertError(proxy.post("/v1/messages", big), 413, "request_too_large");
        assertError(proxy.post("/v1/messages/count_tokens", big), 413, "request_too_large");
        HttpRequest chunked = proxy.request("/v1/messages").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        assertError(proxy.send(chunked), 413, "request_too_large");
        assertThat(proxy.post("/v1/messages", HELLO).statusCode()).isEqualTo(200);
    }

    private void assertAuthError(HttpResponse<String> response, String message) throws Exception {
        JsonNode body = assertError(response, 401, "authentication_error");
        assertThat(body.path("error").path("message").asText()).contains(message);
        assertThat(response.body()).doesNotContain("s3cret");
    }

    private JsonNode assertError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.path("error").path("type").asText()).isEqualTo(type);
        assertThat(body.path("request_id").asText()).isEqualTo(response.headers().firstValue("request-id")
                .orElseThrow());
        return body;
    }
}
