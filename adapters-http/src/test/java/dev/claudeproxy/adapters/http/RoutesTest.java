package dev.claudeproxy.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routes besides messages: root, models, batches, the 404 catch-all, headers and CORS. */
class RoutesTest {

    private static TestProxy proxy;

    @BeforeAll
    static void start() {
        proxy = new TestProxy();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void root_reportsStatusVersionEndpointsAndQueue() {
        HttpResponse<String> res = proxy.get("/");
        JsonNode body = TestProxy.json(res);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("service").asText()).isEqualTo("claude-proxy");
        assertThat(body.get("version").asText()).isEqualTo("9.9.9");
        assertThat(body.get("format").asText()).isEqualTo("anthropic");
        assertThat(body.get("endpoints").toString()).contains("/v1/messages", "/v1/models");
        assertThat(body.get("queue").toString()).isEqualTo("{\"active\":1,\"waiting\":2,\"max\":5}");
    }

    @ParameterizedTest
    @CsvSource({"/v1/models", "/models"})
    void modelList_carriesAnthropicAndOpenAiFields(String path) {
        HttpResponse<String> res = proxy.get(path);
        JsonNode body = TestProxy.json(res);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("has_more").asBoolean()).isFalse();
        assertThat(body.get("first_id").asText()).isEqualTo("claude-opus-5-5");
        assertThat(body.get("last_id").asText()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(body.get("data")).hasSize(7);
        assertThat(body.get("data").get(1).toString()).isEqualTo("{\"type\":\"model\",\"id\":\"claude-sonnet-5-5\","
                + "\"display_name\":\"Claude Sonnet 5.5\",\"created_at\":\"2026-09-01T00:00:00Z\","
                + "\"object\":\"model\",\"created\":1788220800,\"owned_by\":\"anthropic\"}");
    }

    @ParameterizedTest
    @CsvSource({"/v1/models/claude-haiku-4-5-20251001", "/models/claude-haiku-4-5-20251001"})
    void oneModel_isAnswered(String path) {
        JsonNode body = TestProxy.json(proxy.get(path));
        assertThat(body.get("id").asText()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(body.get("type").asText()).isEqualTo("model");
        assertThat(body.get("object").asText()).isEqualTo("model");
        assertThat(body.get("created_at").asText()).isEqualTo("2025-10-01T00:00:00Z");
    }

    @Test
    void unknownModel_isNotFoundError() {
        HttpResponse<String> res = proxy.get("/v1/models/gpt-4");
        JsonNode body = TestProxy.json(res);
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(body.at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(body.at("/error/message").asText()).contains("gpt-4");
        assertThat(body.get("request_id").asText()).isEqualTo(res.headers().firstValue("request-id").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"POST,/v1/messages/batches", "GET,/v1/messages/batches", "GET,/v1/messages/batches/msgbatch_1"})
    void batches_are501ApiError(String method, String path) {
        HttpResponse<String> res = proxy.send(proxy.request(path)
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : "")).build());
        JsonNode body = TestProxy.json(res);
        assertThat(res.statusCode()).isEqualTo(501);
        assertThat(body.get("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(body.at("/error/message").asText()).isEqualTo("Message Batches are not supported by this proxy yet.");
    }

    @ParameterizedTest
    @CsvSource({"GET,/nope", "DELETE,/v1/models", "GET,/v1/messages", "PUT,/", "POST,/v1/models/x/y"})
    void unknownRoute_isNotFoundNamingMethodAndPath(String method, String path) {
        HttpResponse<String> res = proxy.send(proxy.request(path)
                .method(method, HttpRequest.BodyPublishers.noBody()).header("x-request-id", "req-abc").build());
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\","
                + "\"message\":\"" + method + " " + path + " not found\"},\"request_id\":\"req-abc\"}");
        assertThat(res.headers().firstValue("request-id")).hasValue("req-abc");
        assertThat(res.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void everyResponse_carriesAGeneratedRequestIdAndAnthropicVersion() {
        HttpResponse<String> res = proxy.get("/");
        String id = res.headers().firstValue("request-id").orElseThrow();
        assertThat(id).matches("req_[0-9A-Za-z]{24}");
        assertThat(res.headers().firstValue("x-request-id")).hasValue(id);
        assertThat(res.headers().firstValue("anthropic-version")).hasValue("2023-06-01");
        assertThat(res.headers().firstValue("anthropic-beta")).isEmpty();
        assertThat(res.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void callersRequestIdAndAnthropicBeta_areEchoed() {
        HttpResponse<String> res = proxy.send(proxy.request("/v1/models")
                .header("x-request-id", "my-trace-1").header("anthropic-beta", "tools-2024-05-16").GET().build());
        assertThat(res.headers().firstValue("request-id")).hasValue("my-trace-1");
        assertThat(res.headers().firstValue("x-request-id")).hasValue("my-trace-1");
        assertThat(res.headers().firstValue("anthropic-beta")).hasValue("tools-2024-05-16");
    }

    @Test
    void unsafeCallerRequestId_isReplacedByAGeneratedOne() {
        HttpResponse<String> res = proxy.send(proxy.request("/")
                .header("x-request-id", "a b <script>").GET().build());
        assertThat(res.headers().firstValue("request-id").orElseThrow()).startsWith("req_");
    }

    @ParameterizedTest
    @CsvSource({"/v1/messages", "/anything/at/all"})
    void preflight_isAnsweredWith204AndOpenCors(String path) {
        HttpResponse<String> res = proxy.send(proxy.request(path)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "https://app.example")
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "x-api-key, content-type").build());
        assertThat(res.statusCode()).isEqualTo(204);
        assertThat(res.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(res.headers().firstValue("access-control-allow-methods")).hasValue("GET, POST, DELETE, OPTIONS");
        assertThat(res.headers().firstValue("access-control-allow-headers")).hasValue("x-api-key, content-type");
        assertThat(res.headers().firstValue("access-control-max-age")).hasValue("86400");
        assertThat(res.headers().firstValue("request-id")).isPresent();
    }

    @Test
    void preflightWithoutRequestedHeaders_allowsTheUsualOnes() {
        HttpResponse<String> res = proxy.send(proxy.request("/v1/messages")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(res.headers().firstValue("access-control-allow-headers").orElseThrow())
                .contains("x-api-key", "authorization", "anthropic-version", "anthropic-beta", "content-type",
                        "x-request-id");
    }
}
