package dev.claudeproxy.adapters.http.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.TestProxy;
import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.application.port.in.SessionActivity;
import dev.claudeproxy.application.port.out.HealthProbe;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /observe/metrics} scraped and parsed as Prometheus text, {@code /observe/health}, and the API key on both. */
class ObservabilityHttpTest {

    private static final String HELLO =
            "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final AtomicInteger liveCli = new AtomicInteger();
    private final Map<String, HealthProbe.Result> probeResults = new ConcurrentHashMap<>(Map.of(
            "database", HealthProbe.Result.up("H2 answered"), "cli", HealthProbe.Result.up("2.0.0 (Claude Code)")));
    private final List<TestProxy> proxies = new ArrayList<>();
    private Observability observability;

    @AfterEach
    void stop() {
        proxies.forEach(TestProxy::close);
    }

    private TestProxy start(Optional<String> apiKey) {
        TestProxy proxy = new TestProxy(apiKey, p -> {
            observability = new Observability(List.of(probe("database"), probe("cli")), p.queue, liveCli::get,
                    p.sessions);
            return List.of(observability.feature());
        });
        proxies.add(proxy);
        return proxy;
    }

    @Test
    void endedRequests_areCountedByRouteModelAndOutcome_andTimedInCumulativeHistograms() {
        TestProxy proxy = start(Optional.empty());
        var metrics = observability.requestMetrics();
        metrics.ended(Traces.ended("/v1/messages", "sonnet", true, TraceOutcome.COMPLETED,
                Duration.ofMillis(200), Duration.ofMillis(80)));
        metrics.ended(Traces.ended("/v1/messages", "sonnet", true, TraceOutcome.COMPLETED,
                Duration.ofSeconds(3), Duration.ofMillis(900)));
        metrics.ended(Traces.ended("/v1/messages", "opus", false, TraceOutcome.STALL_TIMEOUT,
                Duration.ofSeconds(700), null));
        metrics.ended(Traces.ended("/v1/chat/completions", "haiku", false, TraceOutcome.COMPLETED,
                Duration.ofMillis(40), Duration.ofMillis(30)));

        PrometheusText scrape = scrape(proxy);

        assertThat(scrape.types()).containsEntry("claude_proxy_requests_total", "counter")
                .containsEntry("claude_proxy_request_duration_seconds", "histogram")
                .containsEntry("claude_proxy_time_to_first_token_seconds", "histogram");
        assertThat(scrape.helps().get("claude_proxy_requests_total")).contains("outcome");
        assertThat(scrape.value("claude_proxy_requests_total",
                "route", "/v1/messages", "model", "sonnet", "outcome", "completed")).isEqualTo(2);
        assertThat(scrape.value("claude_proxy_requests_total",
                "route", "/v1/messages", "model", "opus", "outcome", "stall_timeout")).isEqualTo(1);
        assertThat(scrape.value("claude_proxy_requests_total",
                "route", "/v1/chat/completions", "model", "haiku", "outcome", "completed")).isEqualTo(1);
        assertThat(scrape.samples("claude_proxy_requests_total")).hasSize(3);

        assertHistogram(scrape, "claude_proxy_request_duration_seconds", "/v1/messages", "true", 2, 3.2);
        assertThat(scrape.value("claude_proxy_request_duration_seconds_bucket",
                "route", "/v1/messages", "stream", "true", "le", "0.25")).isEqualTo(1);
        assertThat(scrape.value("claude_proxy_request_duration_seconds_bucket",
                "route", "/v1/messages", "stream", "true", "le", "5.0")).isEqualTo(2);
        assertHistogram(scrape, "claude_proxy_request_duration_seconds", "/v1/messages", "false", 1, 700);
        assertThat(scrape.value("claude_proxy_request_duration_seconds_bucket",
                "route", "/v1/messages", "stream", "false", "le", "600.0")).as("beyond the last bucket").isZero();
        assertHistogram(scrape, "claude_proxy_time_to_first_token_seconds", "/v1/messages", "true", 2, 0.98);
        assertThat(scrape.samples("claude_proxy_time_to_first_token_seconds_count",
                "route", "/v1/messages", "stream", "false")).as("the stalled request never had a first token").isEmpty();
    }

    @Test
    void gauges_readTheQueueTheLiveCliProcessesAndTheSessionActivity_atEveryScrape() {
        TestProxy proxy = start(Optional.empty());
        proxy.queueStatus = new QueueStatus(3, 4, 8);
        liveCli.set(2);
        proxy.sessions.activity = new SessionActivity(10, 7, 5, 1);

        PrometheusText first = scrape(proxy);
        assertThat(first.types()).containsEntry("claude_proxy_queue_active", "gauge")
                .containsEntry("claude_proxy_session_hits_total", "counter");
        assertThat(first.value("claude_proxy_queue_active")).isEqualTo(3);
        assertThat(first.value("claude_proxy_queue_waiting")).isEqualTo(4);
        assertThat(first.value("claude_proxy_queue_max")).isEqualTo(8);
        assertThat(first.value("claude_proxy_cli_processes")).isEqualTo(2);
        assertThat(first.value("claude_proxy_session_lookups_total")).isEqualTo(10);
        assertThat(first.value("claude_proxy_session_hits_total")).isEqualTo(7);
        assertThat(first.value("claude_proxy_session_misses_total")).isEqualTo(3);
        assertThat(first.value("claude_proxy_session_resumes_total")).isEqualTo(5);
        assertThat(first.value("claude_proxy_session_resume_failures_total")).isEqualTo(1);

        proxy.queueStatus = new QueueStatus(0, 0, 8);
        liveCli.set(0);
        proxy.sessions.activity = new SessionActivity(12, 8, 6, 2);
        PrometheusText second = scrape(proxy);
        assertThat(second.value("claude_proxy_queue_active")).isZero();
        assertThat(second.value("claude_proxy_cli_processes")).isZero();
        assertThat(second.value("claude_proxy_session_misses_total")).isEqualTo(4);
        assertThat(second.value("claude_proxy_session_resume_failures_total")).isEqualTo(2);
    }

    @Test
    void twoServersInOneJvm_keepTheirMetricsApart() {
        TestProxy first = start(Optional.empty());
        var firstMetrics = observability.requestMetrics();
        TestProxy second = start(Optional.empty());
        firstMetrics.ended(Traces.ended("/v1/messages", "sonnet", false, TraceOutcome.COMPLETED,
                Duration.ofSeconds(1), Duration.ofMillis(500)));
        liveCli.set(1);

        assertThat(scrape(first).samples("claude_proxy_requests_total")).hasSize(1);
        assertThat(scrape(second).samples("claude_proxy_requests_total")).isEmpty();
        assertThat(scrape(second).value("claude_proxy_cli_processes")).isEqualTo(1);
    }

    @Test
    void health_isUpWith200NamingEachCheck_and503WhenAProbeIsDown() {
        TestProxy proxy = start(Optional.empty());

        HttpResponse<String> up = proxy.get("/observe/health");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        JsonNode body = TestProxy.json(up);
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").findValuesAsText("name")).containsExactly("database", "cli");
        assertThat(body.path("checks").findValuesAsText("status")).containsOnly("UP");
        assertThat(body.path("checks").path(1).path("data").path("detail").asText()).isEqualTo("2.0.0 (Claude Code)");
        assertThat(proxy.get("/observe/health/ready").statusCode()).isEqualTo(200);

        probeResults.put("cli", HealthProbe.Result.down("Claude Code CLI not found"));
        HttpResponse<String> down = proxy.get("/observe/health");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        JsonNode downBody = TestProxy.json(down);
        assertThat(downBody.path("status").asText()).isEqualTo("DOWN");
        assertThat(downBody.path("checks").path(1).path("status").asText()).isEqualTo("DOWN");
        assertThat(downBody.path("checks").path(1).path("data").path("detail").asText())
                .isEqualTo("Claude Code CLI not found");
        assertThat(proxy.get("/observe/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void withAKey_metricsNeedIt_healthDoesNot() {
        TestProxy proxy = start(Optional.of("s3cret"));

        HttpResponse<String> refused = proxy.get("/observe/metrics");
        assertThat(refused.statusCode()).isEqualTo(401);
        JsonNode error = TestProxy.json(refused);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("authentication_error");
        assertThat(proxy.send(proxy.request("/observe/metrics").header("x-api-key", "wrong").GET().build())
                .statusCode()).isEqualTo(401);
        assertThat(proxy.send(proxy.request("/observe/metrics").header("authorization", "Bearer s3cret").GET()
                .build()).statusCode()).isEqualTo(200);
        assertThat(proxy.get("/observe/health").statusCode()).isEqualTo(200);
        assertThat(proxy.get("/observe/health/ready").statusCode()).isEqualTo(200);
        assertThat(proxy.get("/observe/health/check/cli").statusCode()).as("single checks are not open")
                .isEqualTo(401);
    }

    @Test
    void theBusinessRoutesStillAnswer_andAnUnknownObservePathIsTheUsual404() {
        TestProxy proxy = start(Optional.empty());
        proxy.createMessage.replies(new AssistantReply("msg_x", "m", List.of(new ContentBlock.Text("ok")),
                StopReason.END_TURN, Usage.of(1, 1)));

        assertThat(proxy.post("/v1/messages", HELLO).statusCode()).isEqualTo(200);
        assertThat(proxy.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = proxy.get("/observe/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestProxy.json(unknown).path("error").path("type").asText()).isEqualTo("not_found_error");
    }

    private static void assertHistogram(PrometheusText scrape, String name, String route, String stream,
                                        double count, double sum) {
        List<PrometheusText.Sample> buckets = scrape.samples(name + "_bucket", "route", route, "stream", stream);
        assertThat(buckets).hasSize(14);
        List<Double> bounds = buckets.stream().map(b -> Double.parseDouble(b.labels().get("le")
                .replace("+Inf", "Infinity"))).toList();
        assertThat(bounds).isSorted().first().isEqualTo(0.05);
        assertThat(bounds).last().isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(buckets.stream().map(PrometheusText.Sample::value).toList()).as("cumulative").isSorted();
        assertThat(buckets.getLast().value()).isEqualTo(count)
                .isEqualTo(scrape.value(name + "_count", "route", route, "stream", stream));
        assertThat(scrape.value(name + "_sum", "route", route, "stream", stream)).isCloseTo(sum, within(1e-6));
    }

    private static PrometheusText scrape(TestProxy proxy) {
        HttpResponse<String> response = proxy.send(proxy.request("/observe/metrics").header("accept", "text/plain")
                .GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        return PrometheusText.parse(response.body());
    }

    private HealthProbe probe(String name) {
        return new HealthProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return probeResults.get(name);
            }
        };
    }
}
