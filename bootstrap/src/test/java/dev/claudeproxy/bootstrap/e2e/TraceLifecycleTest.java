package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace per request, end to end through the running server: a completed, a failed, a timed-out, a queued-out
 * and a disconnected request each end with their outcome in /debug/traces, failures in /debug/errors with a dump.
 */
class TraceLifecycleTest {

    private static final String BODY = "{\"model\":\"claude-opus-4-1\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCompletedRequest_isTracedWithItsOrigin_stepsAndUsage() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of())) {
            proxy.cli().enqueue(Scenario.text("Hel", "lo"));

            HttpResponse<String> answer = post(proxy, "/v1/messages", "req_ok", BODY);
            JsonNode trace = get(proxy, "/debug/traces/req_ok");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("request-id")).contains("req_ok");
            assertThat(trace.path("reqId").asText()).isEqualTo("req_ok");
            assertThat(trace.path("phase").asText()).isEqualTo("completed");
            assertThat(trace.path("outcome").asText()).isEqualTo("completed");
            assertThat(trace.path("route").asText()).isEqualTo("/v1/messages");
            assertThat(trace.path("model").asText()).isEqualTo("opus");
            assertThat(trace.path("requestedModel").asText()).isEqualTo("claude-opus-4-1");
            assertThat(trace.path("bodyBytes").asInt()).isEqualTo(BODY.length());
            assertThat(trace.path("clientIp").asText()).isEqualTo("127.0.0.1");
            assertThat(trace.path("userAgent").asText()).startsWith("Java-http-client");
            assertThat(trace.path("outputLen").asInt()).isEqualTo(5);
            assertThat(trace.path("cliEventCount").asInt()).isPositive();
            for (String step : new String[] {"receivedAt", "queuedAt", "acquiredAt", "cliStartedAt", "firstTokenAt",
                    "cliDoneAt", "completedAt", "ttftMs", "totalDurationMs", "queueWaitMs", "cliDurationMs"}) {
                assertThat(trace.path(step).isNull()).as(step).isFalse();
            }
            assertThat(trace.path("totalDurationMs").asLong()).isGreaterThanOrEqualTo(trace.path("ttftMs").asLong());
            assertThat(get(proxy, "/debug/traces?limit=5").get(0).path("reqId").asText()).isEqualTo("req_ok");
            JsonNode stats = get(proxy, "/debug/stats");
            assertThat(stats.path("requests").path("completed").asInt()).isEqualTo(1);
            assertThat(stats.path("models").path("opus").path("requests").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aFailedRequest_isAnErrorTrace_listedInErrors_withADumpOnDisk() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of())) {
            proxy.cli().enqueue(Scenario.crash(3, "segfault in the CLI"));

            assertThat(post(proxy, "/v1/chat/completions", "req_crash", BODY).statusCode()).isEqualTo(500);
            JsonNode trace = get(proxy, "/debug/traces/req_crash");
            JsonNode dump = get(proxy, "/debug/errors/req_crash");

            assertThat(trace.path("status").asText()).isEqualTo("error");
            assertThat(trace.path("outcome").asText()).isEqualTo("cli_crashed");
            assertThat(trace.path("route").asText()).isEqualTo("/v1/chat/completions");
            assertThat(trace.path("error").path("message").asText()).contains("segfault");
            assertThat(get(proxy, "/debug/errors").get(0).path("reqId").asText()).isEqualTo("req_crash");
            assertThat(dump.path("trace").path("outcome").asText()).isEqualTo("cli_crashed");
            assertThat(dump.path("limits").has("stallTimeoutMs")).isTrue();
            assertThat(json.readTree(Files.readString(dir.resolve("logs/errors/req_crash.json")))
                    .path("reqId").asText()).isEqualTo("req_crash");
        }
    }

    @Test
    void aStalledRequest_isTracedAsAStallTimeout() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_STALL_TIMEOUT_MS", "300"))) {
            proxy.cli().enqueue(Scenario.hangAfterStart());

            assertThat(post(proxy, "/v1/messages", "req_stall", BODY).statusCode()).isEqualTo(504);
            JsonNode trace = get(proxy, "/debug/traces/req_stall");

            assertThat(trace.path("outcome").asText()).isEqualTo("stall_timeout");
            assertThat(trace.path("stallCount").asInt()).isEqualTo(1);
            assertThat(trace.path("error").path("type").asText()).isEqualTo("timeout");
        }
    }

    @Test
    void aRequestTurnedAwayByTheQueue_isTracedAsAQueueTimeout_withoutACliRun() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_MAX_CONCURRENT", "1",
                "CLAUDE_PROXY_QUEUE_TIMEOUT_MS", "200"))) {
            proxy.cli().enqueue(Scenario.hangAfterStart());
            try (Socket running = send(proxy, "req_running")) {
                Await.until(() -> !proxy.cli().invocations().isEmpty(), "the first CLI ran", Duration.ofSeconds(10));
                JsonNode active = get(proxy, "/debug/active");
                assertThat(active.path("activeRequests").get(0).path("reqId").asText()).isEqualTo("req_running");
                assertThat(active.path("queue").path("active").asInt()).isEqualTo(1);

                assertThat(post(proxy, "/v1/messages", "req_busy", BODY).statusCode()).isEqualTo(529);
            }
            JsonNode trace = get(proxy, "/debug/traces/req_busy");

            assertThat(trace.path("outcome").asText()).isEqualTo("queue_timeout");
            assertThat(trace.path("acquiredAt").isNull()).isTrue();
            assertThat(trace.path("cliStartedAt").isNull()).isTrue();
        }
    }

    @Test
    void aClientThatHangsUp_isTracedAsAClientDisconnect_andItsCliIsGone() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of())) {
            proxy.cli().enqueue(Scenario.hangAfterStart());
            try (Socket client = send(proxy, "req_gone")) {
                Await.until(() -> !proxy.cli().invocations().isEmpty(), "the CLI ran", Duration.ofSeconds(10));
                assertThat(get(proxy, "/debug/traces/req_gone").path("status").asText()).isEqualTo("active");
            }
            Await.until(() -> !"active".equals(getQuietly(proxy, "/debug/traces/req_gone").path("status").asText()),
                    "the trace ended", Duration.ofSeconds(10));

            JsonNode trace = get(proxy, "/debug/traces/req_gone");
            assertThat(trace.path("outcome").asText()).isEqualTo("client_disconnect");
            RunningProxy.awaitNoChildren();
        }
    }

    private Socket send(RunningProxy proxy, String requestId) throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nx-request-id: " + requestId + "\r\nContent-Length: "
                + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private HttpResponse<String> post(RunningProxy proxy, String path, String requestId, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path))
                .header("content-type", "application/json").header("x-request-id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(RunningProxy proxy, String path) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return json.readTree(res.body());
    }

    private JsonNode getQuietly(RunningProxy proxy, String path) {
        try {
            return get(proxy, path);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
