package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.adapters.cli.testkit.ScriptedCli;
import dev.claudeproxy.bootstrap.Main;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real server process on SIGTERM: the request in flight still gets its answer, then it exits and no CLI is left. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SigtermTest {

    @TempDir
    Path dir;

    @Test
    void sigterm_letsTheRunningRequestFinish_thenExits_withNoCliLeft() throws Exception {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        cli.enqueue(Scenario.text("finished", " before", " exit").pacedBy(Duration.ofMillis(150)));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port=0", "--host=127.0.0.1",
                "--claude-path=" + cli.executable(), "--data-dir=" + dir.resolve("data"),
                "--work-dir=" + dir.resolve("work"), "--shutdown-grace-ms=20000", "--log-dir=" + dir.resolve("logs"),
                "--health-log-interval-ms=50", "--api-key=" + API_KEY);
        builder.environment().putAll(cli.environment());
        Process server = builder.redirectErrorStream(true).start();
        try {
            int port = StartedLine.awaitPort(server, 30);
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> running = http.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                    .header("content-type", "application/json").header("x-request-id", "req_sigterm_1")
                    .header("x-api-key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(ErrorRowsTest.HELLO.replace("Hi", PROMPT))).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitFirstRun(cli);

            server.destroy(); // SIGTERM

            HttpResponse<String> answer = running.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("finished before exit");
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("the server exited").isTrue();
            List<Long> cliPids = cli.invocations().stream().map(ScriptedCli.Invocation::pid).toList();
            assertThat(cliPids).isNotEmpty().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false));
            assertTheLogFileTellsTheStory();
        } finally {
            server.destroyForcibly();
        }
    }

    /** One JSON object per line: started, the request (by its id, without its prompt), shutdown. */
    private void assertTheLogFileTellsTheStory() throws IOException {
        Path log = dir.resolve("logs").resolve("proxy-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".log");
        List<String> lines = java.nio.file.Files.readAllLines(log);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
        for (String line : lines) {
            events.add(json.readTree(line)); // throws if any line is not JSON
        }
        assertThat(events).allSatisfy(e -> assertThat(e.has("ts") && e.has("level") && e.has("event")).isTrue());
        List<String> names = events.stream().map(e -> e.path("event").asText()).toList();
        assertThat(names).containsSubsequence("proxy.started", "proxy.health", "proxy.shutdown");
        assertThat(events).filteredOn(e -> e.path("event").asText().equals("proxy.health")).first()
                .satisfies(e -> assertThat(e.has("heapUsedBytes") && e.has("queueActive") && e.has("requests"))
                        .isTrue());
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("request.completed");
            assertThat(e.path("reqId").asText()).isEqualTo("req_sigterm_1");
            assertThat(e.path("outcome").asText()).isEqualTo("completed");
        });
        assertThat(String.join("\n", lines)).doesNotContain(PROMPT).doesNotContain(API_KEY);
    }

    private static final String PROMPT = "my-private-prompt-text";
    private static final String API_KEY = "sk-proxy-key-never-logged";

    private static void awaitFirstRun(ScriptedCli cli) throws InterruptedException {
        Await.until(() -> !cli.invocations().isEmpty(), "the CLI ran", Duration.ofSeconds(20));
    }
}
