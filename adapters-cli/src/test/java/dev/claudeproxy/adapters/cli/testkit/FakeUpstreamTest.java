package dev.claudeproxy.adapters.cli.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Checks FakeUpstream's SSE against the Anthropic event grammar, and that the real CLI accepts it. */
@Timeout(120)
class FakeUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = """
            {"model":"claude-test-1","stream":true,"max_tokens":100,
             "messages":[{"role":"user","content":[{"type":"text","text":"Say hi"}]}]}""";

    private final FakeUpstream upstream = FakeUpstream.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Sse(String event, JsonNode data) {
    }

    @AfterEach
    void close() {
        upstream.close();
        http.shutdownNow();
    }

    @Test
    void bindsToLoopbackOnAnEphemeralPort() {
        assertThat(upstream.port()).isPositive();
        assertThat(upstream.baseUrl()).isEqualTo("http://127.0.0.1:" + upstream.port());
    }

    @Test
    void defaultReplyStreamsOneTextBlockInTheRealEventOrder() throws Exception {
        HttpResponse<String> response = post("/v1/messages?beta=true", BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<Sse> events = parse(response.body());
        assertThat(types(events)).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        JsonNode message = events.getFirst().data().get("message");
        assertThat(message.get("id").asText()).startsWith("msg_fake_");
        assertThat(message.get("model").asText()).isEqualTo("claude-test-1");
        assertThat(message.get("role").asText()).isEqualTo("assistant");
        assertThat(message.get("content").isEmpty()).isTrue();
        assertThat(message.get("usage").get("input_tokens").asInt()).isEqualTo(FakeUpstream.INPUT_TOKENS);
        assertThat(message.get("usage").get("output_tokens").asInt()).isEqualTo(1);
        assertThat(message.get("usage").get("cache_creation_input_tokens").asInt()).isZero();
        assertThat(message.get("usage").get("cache_read_input_tokens").asInt()).isZero();
        assertThat(events.get(1).data().get("content_block").toString()).isEqualTo("{\"type\":\"text\",\"text\":\"\"}");
        assertThat(events.get(2).data().get("delta").toString())
                .isEqualTo("{\"type\":\"text_delta\",\"text\":\"Hello from fake upstream\"}");
        assertThat(events.get(4).data().get("delta").get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(events.get(4).data().get("delta").get("stop_sequence").isNull()).isTrue();
        assertThat(events.get(4).data().get("usage").get("output_tokens").asInt()).isPositive();
    }

    @Test
    void queuedRepliesComeFirstThenTheDefault() throws Exception {
        upstream.enqueue(UpstreamReply.text("Hel", "lo", "!")).setDefault(UpstreamReply.text("fallback"));

        List<Sse> first = parse(post("/v1/messages?beta=true", BODY).body());
        List<Sse> second = parse(post("/v1/messages?beta=true", BODY).body());
        List<Sse> third = parse(post("/v1/messages?beta=true", BODY).body());

        assertThat(deltas(first, "text")).containsExactly("Hel", "lo", "!");
        assertThat(deltas(second, "text")).containsExactly("fallback");
        assertThat(deltas(third, "text")).containsExactly("fallback");
        assertThat(UpstreamReply.text("Hel", "lo", "!").text()).isEqualTo("Hello!");
    }

    @Test
    void thinkingThenTextStreamsASignedThinkingBlockThenAText() throws Exception {
        upstream.enqueue(UpstreamReply.thinkingThenText("Let me think about this fake problem.", "Hi", " there"));

        List<Sse> events = parse(post("/v1/messages?beta=true", BODY).body());

        assertThat(events.get(1).data().get("content_block").toString())
                .isEqualTo("{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}");
        assertThat(String.join("", deltas(events, "thinking"))).isEqualTo("Let me think about this fake problem.");
        int signature = indexOfDelta(events, "signature_delta");
        assertThat(events.get(signature - 1).data().at("/delta/type").asText()).isEqualTo("thinking_delta");
        assertThat(events.get(signature + 1).data().toString()).isEqualTo("{\"type\":\"content_block_stop\",\"index\":0}");
        assertThat(events.get(signature + 2).data().at("/content_block/type").asText()).isEqualTo("text");
        assertThat(events.get(signature + 2).data().get("index").asInt()).isEqualTo(1);
        assertThat(deltas(events, "text")).containsExactly("Hi", " there");
        assertThat(types(events).subList(events.size() - 3, events.size()))
                .containsExactly("content_block_stop", "message_delta", "message_stop");
    }

    @Test
    void toolUseStreamsTheInputAsSmallJsonFragments() throws Exception {
        String input = "{\"file_path\":\"/home/user/project/note.txt\"}";
        upstream.enqueue(UpstreamReply.toolUse("Read", input));

        List<Sse> events = parse(post("/v1/messages?beta=true", BODY).body());

        JsonNode block = events.get(1).data().get("content_block");
        assertThat(block.get("type").asText()).isEqualTo("tool_use");
        assertThat(block.get("id").asText()).startsWith("toolu_fake_");
        assertThat(block.get("name").asText()).isEqualTo("Read");
        assertThat(block.get("input").toString()).isEqualTo("{}");
        List<String> fragments = deltas(events, "partial_json");
        assertThat(fragments).hasSizeGreaterThan(1).allSatisfy(f -> assertThat(f.length()).isLessThanOrEqualTo(8));
        assertThat(JSON.readTree(String.join("", fragments))).isEqualTo(JSON.readTree(input));
        assertThat(events.get(events.size() - 2).data().at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void errorReplyAnswersWithTheStatusAndAnAnthropicErrorBody() throws Exception {
        upstream.enqueue(UpstreamReply.error(529, "overloaded_error", "Overloaded"));

        HttpResponse<String> response = post("/v1/messages?beta=true", BODY);

        assertThat(response.statusCode()).isEqualTo(529);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
    }

    @Test
    void stallSendsMessageStartThenWaitsBeforeTheRest() throws Exception {
        Duration stall = Duration.ofMillis(400);
        upstream.enqueue(UpstreamReply.stallThenText(stall, "late"));

        List<String> lines = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        try (Stream<String> body = http.send(request("/v1/messages", BODY), HttpResponse.BodyHandlers.ofLines()).body()) {
            body.forEach(line -> {
                lines.add(line);
                arrivals.add(System.nanoTime());
            });
        }

        int start = lines.indexOf("event: message_start");
        int next = lines.indexOf("event: content_block_start");
        assertThat(start).isZero();
        assertThat(Duration.ofNanos(arrivals.get(next) - arrivals.get(start))).isGreaterThanOrEqualTo(stall.minusMillis(50));
        assertThat(deltas(parse(String.join("\n", lines)), "text")).containsExactly("late");
    }

    @Test
    void aStalledReplyDoesNotBlockOthersAndCloseDoesNotWaitForIt() throws Exception {
        upstream.enqueue(UpstreamReply.stallThenText(Duration.ofMinutes(5), "never"));
        HttpResponse<Stream<String>> stalled = http.send(request("/v1/messages", BODY), HttpResponse.BodyHandlers.ofLines());
        Iterator<String> stalledLines = stalled.body().iterator();
        assertThat(stalledLines.next()).isEqualTo("event: message_start");

        assertThat(deltas(parse(post("/v1/messages", BODY).body()), "text")).containsExactly("Hello from fake upstream");

        long before = System.nanoTime();
        upstream.close();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        stalled.body().close();
    }

    @Test
    void eventDelaySpacesTheEvents() throws Exception {
        upstream.enqueue(UpstreamReply.text("a", "b").withEventDelay(Duration.ofMillis(50)));

        long before = System.nanoTime();
        List<Sse> events = parse(post("/v1/messages", BODY).body());

        assertThat(events).hasSize(7);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(6 * 50 - 20));
    }

    @Test
    void nonStreamingRequestGetsTheWholeMessageAsJson() throws Exception {
        upstream.enqueue(UpstreamReply.toolUse("Read", "{\"file_path\":\"/x\"}"));

        HttpResponse<String> response = post("/v1/messages", "{\"model\":\"claude-test-2\",\"messages\":[]}");

        JsonNode message = JSON.readTree(response.body());
        assertThat(message.get("model").asText()).isEqualTo("claude-test-2");
        assertThat(message.get("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.at("/content/0/input/file_path").asText()).isEqualTo("/x");
    }

    @Test
    void recordsEveryRequestAndAnswersOtherPathsHarmlessly() throws Exception {
        HttpResponse<String> other = post("/v1/complete", "{}");
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        post("/v1/messages?beta=true", BODY);

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(other.body()).at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(head.statusCode()).isEqualTo(200);
        List<RecordedRequest> requests = upstream.awaitRequests(3, Duration.ofSeconds(5));
        assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "HEAD", "POST");
        RecordedRequest messages = requests.get(2);
        assertThat(messages.path()).isEqualTo("/v1/messages?beta=true");
        assertThat(messages.headers()).containsEntry("x-api-key", "sk-test").containsEntry("content-type", "application/json");
        assertThat(messages.header("X-Api-Key")).isEqualTo("sk-test");
        assertThat(messages.body()).isEqualTo(JSON.readTree(BODY));
        assertThatThrownBy(() -> upstream.awaitRequests(4, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("got 3");
    }

    @Test
    void realCliTalksToFakeUpstream(@TempDir Path temp) throws Exception {
        Path cli = RealCli.executable().orElseGet(() -> fail(RealCli.INSTALL_HINT));
        UpstreamReply reply = UpstreamReply.text("Hi", " from", " the fake!");
        upstream.enqueue(reply);
        Path work = Files.createDirectories(temp.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(cli.toString(), "--output-format", "stream-json", "--verbose",
                "--input-format", "stream-json", "--max-turns=1", "--model=sonnet", "--tools=", "--setting-sources=",
                "--permission-mode=bypassPermissions", "--allow-dangerously-skip-permissions",
                "--include-partial-messages", "--no-session-persistence")
                .directory(work.toFile())
                .redirectError(temp.resolve("stderr.txt").toFile());
        builder.environment().clear();
        builder.environment().putAll(RealCli.isolatedEnv(temp, upstream.baseUrl()));
        builder.environment().put("IS_SANDBOX", "1");
        builder.environment().put("PATH", System.getenv("PATH"));

        Process process = builder.start();
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(("{\"type\":\"user\",\"session_id\":\"\",\"message\":{\"role\":\"user\",\"content\":"
                        + "[{\"type\":\"text\",\"text\":\"Say hi\"}]},\"parent_tool_use_id\":null}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            CompletableFuture<List<String>> stdout = CompletableFuture.supplyAsync(() -> readLines(process));
            List<String> lines = stdout.get(90, TimeUnit.SECONDS);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            List<JsonNode> results = lines.stream().map(FakeUpstreamTest::json)
                    .filter(line -> line.path("type").asText().equals("result")).toList();
            assertThat(results).as("stdout %s, stderr %s", lines, Files.readString(temp.resolve("stderr.txt")))
                    .hasSize(1);
            assertThat(results.getFirst().get("result").asText()).isEqualTo(reply.text());
            List<RecordedRequest> calls = upstream.requests().stream()
                    .filter(r -> r.path().startsWith("/v1/messages")).toList();
            assertThat(calls).hasSize(1);
            assertThat(calls.getFirst().body().get("messages").toString()).contains("Say hi");
        } finally {
            process.destroyForcibly();
        }
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(upstream.baseUrl() + path))
                .header("content-type", "application/json").header("x-api-key", "sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    /** Parses SSE frames and checks each event name matches its data's type. */
    private static List<Sse> parse(String body) {
        List<Sse> events = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            if (frame.isBlank()) {
                continue;
            }
            String[] lines = frame.split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("event: ");
            assertThat(lines[1]).startsWith("data: ");
            Sse event = new Sse(lines[0].substring(7), json(lines[1].substring(6)));
            assertThat(event.data().get("type").asText()).isEqualTo(event.event());
            events.add(event);
        }
        return events;
    }

    private static List<String> types(List<Sse> events) {
        return events.stream().map(Sse::event).toList();
    }

    /** The values of one delta field (text, thinking, partial_json) in stream order. */
    private static List<String> deltas(List<Sse> events, String field) {
        return events.stream().filter(e -> e.event().equals("content_block_delta"))
                .map(e -> e.data().get("delta")).filter(d -> d.has(field)).map(d -> d.get(field).asText()).toList();
    }

    private static int indexOfDelta(List<Sse> events, String type) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).data().at("/delta/type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<String> readLines(Process process) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
