package dev.claudeproxy.adapters.http.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.TestProxy;
import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;
import dev.claudeproxy.domain.trace.TraceTimes;
import dev.claudeproxy.domain.turn.Usage;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /debug/*} answers every question in JSON, and refuses bad limits, ids and file names with a 400. */
class DebugHttpTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final TestProxy proxy = new TestProxy();

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void stats_showVersionConfigQueueSessionsAndRequestFigures() {
        JsonNode body = TestProxy.json(proxy.get("/debug/stats"));

        assertThat(body.path("version").asText()).isEqualTo("9.9.9");
        assertThat(body.path("config").path("maxConcurrent").asInt()).isEqualTo(5);
        assertThat(body.path("config").path("debug").isBoolean()).isTrue();
        assertThat(body.path("queue").toString()).isEqualTo("{\"active\":1,\"waiting\":2,\"max\":5}");
        assertThat(body.path("sessions").has("hitRate")).isTrue();
        assertThat(body.path("uptimeMs").asLong()).isEqualTo(3_723_000);
        assertThat(body.path("uptimeHuman").asText()).isEqualTo("1h 2m 3s");
        assertThat(body.path("requests").toString()).isEqualTo("{\"total\":3,\"completed\":2,\"errors\":1,\"active\":0}");
        assertThat(body.path("errorRate").asDouble()).isEqualTo(1 / 3.0);
        assertThat(body.path("avgDurationMs").asLong()).isEqualTo(150);
        assertThat(body.path("models").path("sonnet").path("requests").asLong()).isEqualTo(3);
        assertThat(body.path("outcomes").path("cli_error").asLong()).isEqualTo(1);
    }

    @Test
    void traces_listTheRecentOnes_withTheLimitAsked_andOneById() {
        proxy.inspect.traces.addAll(List.of(trace("req_b", TracePhase.COMPLETED, TraceOutcome.COMPLETED),
                trace("req_a", TracePhase.ERROR, TraceOutcome.CLI_ERROR)));

        JsonNode list = TestProxy.json(proxy.get("/debug/traces?limit=1"));
        JsonNode one = TestProxy.json(proxy.get("/debug/traces/req_a"));

        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("reqId").asText()).isEqualTo("req_b");
        assertThat(TestProxy.json(proxy.get("/debug/traces")).size()).isEqualTo(2);
        assertThat(proxy.inspect.asked).contains("recent 1", "recent 20");
        assertThat(one.path("outcome").asText()).isEqualTo("cli_error");
        assertThat(one.path("ttftMs").asLong()).isEqualTo(300);
        assertThat(one.path("error").path("message").asText()).isEqualTo("boom");
    }

    @Test
    void anUnknownTrace_isA404InTheAnthropicShape() {
        HttpResponse<String> res = proxy.get("/debug/traces/req_nope");

        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(TestProxy.json(res).path("error").path("type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void errors_listOnlyFailedRequests_andADumpById() {
        proxy.inspect.traces.addAll(List.of(trace("req_b", TracePhase.COMPLETED, TraceOutcome.COMPLETED),
                trace("req_a", TracePhase.ERROR, TraceOutcome.CLI_ERROR)));
        proxy.inspect.dumps.put("req_a", "{\"reqId\":\"req_a\",\"error\":{\"type\":\"api_error\"}}");

        JsonNode errors = TestProxy.json(proxy.get("/debug/errors"));

        assertThat(errors).singleElement().satisfies(e -> assertThat(e.path("reqId").asText()).isEqualTo("req_a"));
        assertThat(proxy.inspect.asked).contains("errors 10");
        assertThat(TestProxy.json(proxy.get("/debug/errors/req_a")).path("error").path("type").asText())
                .isEqualTo("api_error");
        assertThat(proxy.get("/debug/errors/req_b").statusCode()).isEqualTo(404);
    }

    @Test
    void logs_listTheFiles_andTailOne_parsingJsonLinesAndKeepingOthersRaw() {
        proxy.inspect.logs.put("proxy-2026-11-25.log", List.of("{\"event\":\"a\"}", "not json", "{\"event\":\"c\"}"));

        JsonNode files = TestProxy.json(proxy.get("/debug/logs"));
        JsonNode tail = TestProxy.json(proxy.get("/debug/logs/proxy-2026-11-25.log?tail=2"));

        assertThat(files.path("logDir").asText()).isEqualTo("/var/log/claude-proxy");
        assertThat(files.path("files").toString()).isEqualTo("[\"proxy-2026-11-25.log\"]");
        assertThat(tail.path("file").asText()).isEqualTo("proxy-2026-11-25.log");
        assertThat(tail.path("total").asInt()).isEqualTo(3);
        assertThat(tail.path("returned").asInt()).isEqualTo(2);
        assertThat(tail.path("lines").toString()).isEqualTo("[{\"raw\":\"not json\"},{\"event\":\"c\"}]");
        assertThat(proxy.get("/debug/logs/proxy-2026-11-24.log").statusCode()).isEqualTo(404);
        assertThat(proxy.inspect.asked).contains("tail proxy-2026-11-25.log 2", "tail proxy-2026-11-24.log 100");
    }

    @Test
    void active_showsLiveRequestsWithTheirPhaseAndElapsedTime() {
        proxy.inspect.live.add(trace("req_live", TracePhase.SDK_STREAMING, null, Instant.now().minusSeconds(2)));

        JsonNode body = TestProxy.json(proxy.get("/debug/active"));

        assertThat(body.path("queue").path("max").asInt()).isEqualTo(5);
        JsonNode live = body.path("activeRequests").get(0);
        assertThat(live.path("reqId").asText()).isEqualTo("req_live");
        assertThat(live.path("phase").asText()).isEqualTo("sdk_streaming");
        assertThat(live.path("status").asText()).isEqualTo("active");
        assertThat(live.path("elapsedMs").asLong()).isBetween(2_000L, 60_000L);
    }

    @Test
    void health_showsPidUptimeMemoryQueueAndRequests() {
        JsonNode body = TestProxy.json(proxy.get("/debug/health"));

        assertThat(body.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(body.path("uptimeMs").asLong()).isEqualTo(3_723_000);
        assertThat(body.path("memory").path("heapUsedBytes").asLong()).isPositive();
        assertThat(body.path("memory").path("heapUsed").asText()).endsWith("MB");
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertThat(body.path("memory").path("rssBytes").asLong()).isGreaterThan(body.path("memory")
                    .path("heapUsedBytes").asLong() / 4);
        }
        assertThat(body.path("queue").path("waiting").asInt()).isEqualTo(2);
        assertThat(body.path("requests").path("total").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/debug/traces?limit=abc", "/debug/traces?limit=0", "/debug/traces?limit=-3",
            "/debug/traces?limit=99999999999", "/debug/errors?limit=1.5", "/debug/errors?limit=",
            "/debug/logs/proxy-2026-11-25.log?tail=x", "/debug/logs/proxy-2026-11-25.log?tail=0"})
    void aBadLimitOrTail_isA400InTheAnthropicShape(String path) {
        proxy.inspect.logs.put("proxy-2026-11-25.log", List.of("{}"));

        HttpResponse<String> res = proxy.get(path);

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(TestProxy.json(res).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd", "..%2Fproxy-2026-11-25.log", "%2Fetc%2Fpasswd",
            "proxy-2026-11-25.log%2F..%2F..%2Fx", "..%5Cproxy-2026-11-25.log", "proxy-2026-11-25.log%00",
            "%252e%252e%252fetc", "passwd", "proxy-2026-11-25.txt", "%2e%2e"})
    void aLogFileNameOtherThanADailyLog_isA400_encodedTraversalsToo(String name) throws IOException {
        String response = raw("GET /debug/logs/" + name + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").contains("invalid_request_error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../../etc/passwd", "../proxy-2026-11-25.log", "./../x"})
    void aPlainDotDotPath_neverReachesAFile(String name) throws IOException {
        String response = raw("GET /debug/logs/" + name + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1.1 (400|404) .*");
        assertThat(proxy.inspect.asked).noneMatch(a -> a.startsWith("tail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "a%2Fb", "%ZZ"})
    void aMalformedErrorId_isA400(String id) throws IOException {
        String response = raw("GET /debug/errors/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1.1 (400|404).*");
        assertThat(response).doesNotContain("root:");
    }

    @Test
    void withAnApiKey_debugNeedsIt() {
        try (TestProxy locked = new TestProxy(TestProxy.PING_INTERVAL, Optional.of("sekrit"), 1_000_000)) {
            assertThat(locked.get("/debug/stats").statusCode()).isEqualTo(401);
            assertThat(locked.get("/debug/logs/proxy-2026-11-25.log").statusCode()).isEqualTo(401);
            assertThat(locked.send(locked.request("/debug/stats").header("x-api-key", "sekrit").GET().build())
                    .statusCode()).isEqualTo(200);
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[4096];
            int n = socket.getInputStream().read(head);
            return new String(head, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        }
    }

    private static Trace trace(String id, TracePhase phase, TraceOutcome outcome) {
        return trace(id, phase, outcome, T0);
    }

    private static Trace trace(String id, TracePhase phase, TraceOutcome outcome, Instant t0) {
        TraceRequest request = new TraceRequest(id, "/v1/messages", "claude-sonnet-4-6", "sonnet", false, false,
                false, 2, 0, 1, 50, "127.0.0.1", "test");
        TraceTimes times = new TraceTimes(t0, t0, t0.plusMillis(1), t0.plusMillis(2), t0.plusMillis(300),
                phase.terminal() ? t0.plusMillis(400) : null, phase.terminal() ? t0.plusMillis(401) : null);
        boolean failed = outcome != null && outcome != TraceOutcome.COMPLETED;
        return new Trace(request, times, phase, new CliActivity(5, "result", 2, 0, 0), outcome,
                failed ? "api_error" : "", failed ? "boom" : "", Usage.of(1, 1), TraceSession.NONE);
    }

}
