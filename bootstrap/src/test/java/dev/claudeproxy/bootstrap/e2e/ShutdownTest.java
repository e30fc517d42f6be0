package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown refuses new requests at once, lets running ones finish within the grace, then kills what is left. */
class ShutdownTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRunningRequest_finishesWithinTheGrace_whileNewOnesAreRefused() throws Exception {
        RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_SHUTDOWN_GRACE_MS", "10000"));
        proxy.cli().enqueue(Scenario.text("slow", " but", " sure").pacedBy(Duration.ofMillis(150)));
        CompletableFuture<HttpResponse<String>> running = post(proxy);
        awaitActive(proxy, 1);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(proxy::close);
        HttpResponse<String> refused = awaitRefusal(proxy);

        assertThat(refused.statusCode()).isEqualTo(529);
        assertThat(json.readTree(refused.body()).path("error").path("message").asText()).contains("shutting down");
        HttpResponse<String> finished = running.get(10, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(json.readTree(finished.body()).path("content").get(0).path("text").asText())
                .isEqualTo("slow but sure");
        closing.get(10, TimeUnit.SECONDS);
        RunningProxy.awaitNoChildren();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    @Test
    void aRequestOutlastingTheGrace_hasItsCliKilled_andNoProcessOutlivesTheServer() throws Exception {
        RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_SHUTDOWN_GRACE_MS", "200"));
        proxy.cli().enqueue(Scenario.hangAfterStart());
        CompletableFuture<HttpResponse<String>> running = post(proxy);
        awaitActive(proxy, 1);

        proxy.close();

        assertThat(running.handle((res, error) -> res == null || res.statusCode() != 200).get(10, TimeUnit.SECONDS))
                .as("the hung request did not get a normal answer").isTrue();
        RunningProxy.awaitNoChildren();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private CompletableFuture<HttpResponse<String>> post(RunningProxy proxy) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/messages"))
                .timeout(Duration.ofSeconds(20)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ErrorRowsTest.HELLO)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code GET /} until the queue shows {@code n} running requests, failing after 10 s. */
    private void awaitActive(RunningProxy proxy, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode root = json.readTree(http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (root.path("queue").path("active").asInt() == n) {
                return;
            }
            assertThat(System.nanoTime()).as("%d running requests within 10 s", n).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Sends requests until one is turned away by the draining server, failing after 10 s. */
    private HttpResponse<String> awaitRefusal(RunningProxy proxy) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/models"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                return res;
            }
            assertThat(System.nanoTime()).as("refused within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
