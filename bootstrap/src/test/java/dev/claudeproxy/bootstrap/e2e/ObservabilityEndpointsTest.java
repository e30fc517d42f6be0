package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running server's Helidon observability: readiness from the database and the CLI, and a Prometheus scrape
 * that counts requests by route, model and outcome, with the queue, CLI processes and session activity.
 */
class ObservabilityEndpointsTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theMetricsScrape_countsRequestsByOutcome_andShowsTheQueueAndSessions() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_API_KEY", "k"))) {
            proxy.cli().enqueue(Scenario.text("one"));
            proxy.cli().enqueue(Scenario.text("two"));
            proxy.cli().enqueue(Scenario.crash(2, "boom"));
            for (int i = 0; i < 3; i++) {
                send(proxy, HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/messages")).header("x-api-key", "k")
                        .header("x-conversation-id", "conv-" + i)
                        .POST(HttpRequest.BodyPublishers.ofString(ErrorRowsTest.HELLO)));
            }

            assertThat(send(proxy, get(proxy, "/observe/metrics")).statusCode()).isEqualTo(401);
            HttpResponse<String> scrape = send(proxy, get(proxy, "/observe/metrics").header("x-api-key", "k"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            String text = scrape.body();
            assertThat(sample(text, "claude_proxy_requests_total", "outcome=\"completed\"")).isEqualTo(2.0);
            assertThat(sample(text, "claude_proxy_requests_total", "outcome=\"cli_crashed\"")).isEqualTo(1.0);
            assertThat(sample(text, "claude_proxy_request_duration_seconds_count", "route=\"/v1/messages\""))
                    .isEqualTo(3.0);
            assertThat(sample(text, "claude_proxy_time_to_first_token_seconds_count", "route=\"/v1/messages\""))
                    .isEqualTo(2.0);
            assertThat(sample(text, "claude_proxy_queue_active", "")).isEqualTo(0.0);
            assertThat(sample(text, "claude_proxy_queue_max", "")).isEqualTo(5.0);
            assertThat(sample(text, "claude_proxy_cli_processes", "")).isEqualTo(0.0);
            assertThat(text).contains("claude_proxy_session_lookups_total", "claude_proxy_session_misses_total");
        }
    }

    @Test
    void health_isReady_whenTheDatabaseAnswersAndTheRealCliRuns_andNeedsNoKey() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
             RunningProxy proxy = RunningProxy.withRealCli(dir, upstream, Map.of("CLAUDE_PROXY_API_KEY", "k"))) {
            upstream.enqueue(UpstreamReply.text("unused"));

            HttpResponse<String> health = send(proxy, get(proxy, "/observe/health"));

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.toString()).contains("database", "cli");
        }
    }

    private static double sample(String text, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) == null ? label.isEmpty() : m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found).as(name + " with " + label + " in\n" + text).isTrue();
        return sum;
    }

    private static HttpRequest.Builder get(RunningProxy proxy, String path) {
        return HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).GET();
    }

    private HttpResponse<String> send(RunningProxy proxy, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
