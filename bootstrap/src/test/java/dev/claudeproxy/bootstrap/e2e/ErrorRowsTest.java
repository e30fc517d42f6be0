package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §3 rows, end to end through the whole server: each case gets its status and error type, never a crash. */
class ErrorRowsTest {

    static final String HELLO = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    static final String HELLO_STREAM = HELLO.replace("\"max_tokens\":64", "\"max_tokens\":64,\"stream\":true");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void badInput_is400InvalidRequest_naming_theField_andTheServerStillAnswers() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of())) {
            assertError(post(proxy, "/v1/messages", "{not json"), 400, "invalid_request_error", "JSON");
            assertError(post(proxy, "/v1/messages", "{\"model\":\"x\"}"), 400, "invalid_request_error", "messages");
            assertError(post(proxy, "/v1/messages", "{\"messages\":[]}"), 400, "invalid_request_error", "messages");
            assertError(post(proxy, "/v1/messages", "{\"messages\":\"hi\"}"), 400, "invalid_request_error",
                    "messages");
            assertError(post(proxy, "/v1/messages", "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}"),
                    400, "invalid_request_error", "role");
            assertError(post(proxy, "/v1/messages", "{\"stream\":\"yes\",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"x\"}]}"), 400, "invalid_request_error", "stream");

            assertThat(post(proxy, "/v1/messages", HELLO).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCliThatFallsSilent_isKilledByTheStallWatchdog_as504_andNoProcessIsLeft() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_STALL_TIMEOUT_MS", "300"))) {
            proxy.cli().enqueue(Scenario.hangAfterStart());

            assertError(post(proxy, "/v1/messages", HELLO), 504, "timeout_error", "no output for 300 ms");
            RunningProxy.awaitNoChildren();
            assertThat(RunningProxy.turnChildren()).isEmpty();
        }
    }

    @Test
    void aRunPastTheMaximumDuration_is504_andTooMuchOutputIs500() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_MAX_DURATION_MS", "300",
                "CLAUDE_PROXY_MAX_OUTPUT_CHARS", "5"))) {
            proxy.cli().enqueue(Scenario.hangAfterStart());
            assertError(post(proxy, "/v1/messages", HELLO), 504, "timeout_error", "maximum duration of 300 ms");

            proxy.cli().enqueue(Scenario.text("far more than five characters"));
            assertError(post(proxy, "/v1/messages", HELLO), 500, "api_error", "maximum output of 5 characters");
            RunningProxy.awaitNoChildren();
            assertThat(RunningProxy.turnChildren()).isEmpty();
        }
    }

    @Test
    void anUnknownRoute_is404NotFound() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of())) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v2/nothing"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertError(r, 404, "not_found_error", "GET /v2/nothing not found");
        }
    }

    @Test
    void cliFailures_mapToTheirStatus_forWholeRepliesAndStreamsAlike() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of())) {
            for (String body : new String[] {HELLO, HELLO_STREAM}) {
                proxy.cli().enqueue(Scenario.crash(1, "boom"));
                assertError(post(proxy, "/v1/messages", body), 500, "api_error", "boom");
                proxy.cli().enqueue(Scenario.upstreamError(529, "overloaded", "API Error: 529 Overloaded"));
                assertError(post(proxy, "/v1/messages", body), 529, "overloaded_error", "529");
                proxy.cli().enqueue(Scenario.upstreamError(429, "rate_limit", "API Error: 429"));
                assertError(post(proxy, "/v1/messages", body), 429, "rate_limit_error", "429");
                proxy.cli().enqueue(Scenario.upstreamError(401, "authentication_failed", "Invalid API key"));
                assertError(post(proxy, "/v1/messages", body), 401, "authentication_error", "Invalid API key");
                proxy.cli().enqueue(Scenario.upstreamError(500, "api_error", "API Error: 500 Internal"));
                assertError(post(proxy, "/v1/messages", body), 500, "api_error", "500");
            }
        }
    }

    @Test
    void aMissingCliExecutable_isAClear500_perRequest() throws Exception {
        try (RunningProxy proxy = RunningProxy.withProductionAdapters(dir, Map.of(
                "CLAUDE_PROXY_CLAUDE_PATH", dir.resolve("no-such-claude").toString(),
                "CLAUDE_PROXY_WORK_DIR", dir.resolve("work").toString()))) {
            assertError(post(proxy, "/v1/messages", HELLO), 500, "api_error", "Claude Code CLI not found");
            assertError(post(proxy, "/v1/messages", HELLO_STREAM), 500, "api_error", "Claude Code CLI not found");
        }
    }

    @Test
    void aFullQueue_is529Overloaded_afterTheQueueTimeout() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_MAX_CONCURRENT", "1",
                "CLAUDE_PROXY_QUEUE_TIMEOUT_MS", "300"))) {
            proxy.cli().enqueue(Scenario.hangAfterStart());
            CompletableFuture<HttpResponse<String>> busy = http.sendAsync(request(proxy, "/v1/messages",
                    HELLO_STREAM), HttpResponse.BodyHandlers.ofString());
            awaitRuns(proxy, 1);

            assertError(post(proxy, "/v1/messages", HELLO), 529, "overloaded_error", "Server busy");
            busy.cancel(true);
        }
    }

    private void awaitRuns(RunningProxy proxy, int runs) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (proxy.cli().invocations().size() < runs) {
            assertThat(System.nanoTime()).as("the CLI started in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> post(RunningProxy proxy, String path, String body)
            throws IOException, InterruptedException {
        return http.send(request(proxy, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(RunningProxy proxy, String path, String body) {
        return HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).header("content-type", "application/json")
                .header("x-request-id", "req_test").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void assertError(HttpResponse<String> response, int status, String type, String messagePart)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo(type);
        assertThat(body.path("error").path("message").asText()).contains(messagePart);
        assertThat(body.path("request_id").asText()).isEqualTo(response.headers().firstValue("request-id").orElseThrow());
    }
}
