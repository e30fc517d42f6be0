package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conversations through the real CLI: the second turn resumes the CLI's session with only the last message (in the
 * CLI process kept from the first turn), a restarted server still resumes (with --resume), a lost transcript falls
 * back to the full context, and turns take their turn.
 */
class SessionsRealCliTest extends RealCliTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aConversation_resumesItsSession_acrossARestart() throws Exception {
        upstream.enqueue(UpstreamReply.text("Hello Ada."));
        assertThat(answer(messages("conv-1", "My name is Ada."))).isEqualTo("Hello Ada.");
        JsonNode stored = session("conv-1");
        assertThat(stored.path("messageCount").asInt()).isEqualTo(1);
        assertThat(transcripts()).hasSize(1);

        upstream.enqueue(UpstreamReply.text("You are Ada."));
        answer(messages("conv-1", "My name is Ada.", "Hello Ada.", "What is my name?"));

        JsonNode second = upstream.requests().getLast().body();
        assertThat(UpstreamText.system(second)).doesNotContain("Prior conversation turns");
        assertThat(second.path("messages").toString()).contains("My name is Ada.", "Hello Ada.", "What is my name?");
        assertThat(session("conv-1").path("resumeCount").asInt()).isEqualTo(1);
        assertThat(session("conv-1").path("cliSessionId")).isEqualTo(stored.path("cliSessionId"));
        assertThat(proxy.liveConversationHits()).as("turn 2 was written to the CLI process kept from turn 1")
                .isEqualTo(1);

        proxy.close();
        proxy = RunningProxy.withRealCli(dir, upstream, Map.of());
        upstream.enqueue(UpstreamReply.text("Still Ada."));
        answer(chat("conv-1", "My name is Ada.", "Hello Ada.", "What is my name?", "You are Ada.", "Sure?"));

        JsonNode third = upstream.requests().getLast().body();
        assertThat(UpstreamText.system(third)).doesNotContain("Prior conversation turns");
        assertThat(third.path("messages").toString()).contains("My name is Ada.", "You are Ada.", "Sure?");
        assertThat(session("conv-1").path("resumeCount").asInt()).isEqualTo(2);
        assertThat(session("conv-1").path("messageCount").asInt()).isEqualTo(5);
    }

    @Test
    void aSessionWhoseTranscriptIsGone_fallsBackToTheFullContext_andStillAnswers() throws Exception {
        upstream.enqueue(UpstreamReply.text("Hello Ada."));
        answer(messages("conv-2", "My name is Ada."));
        String lost = session("conv-2").path("cliSessionId").asText();
        for (Path transcript : transcripts()) {
            Files.delete(transcript);
        }
        proxy.close(); // and the process kept for the conversation's next turn is gone with the server
        proxy = RunningProxy.withRealCli(dir, upstream, Map.of());

        upstream.enqueue(UpstreamReply.text("You are Ada."));
        String answer = answer(messages("conv-2", "My name is Ada.", "Hello Ada.", "Who am I?"));

        assertThat(answer).isEqualTo("You are Ada.");
        assertThat(UpstreamText.system(upstream.requests().getLast().body()))
                .contains("Prior conversation turns", "My name is Ada.");
        JsonNode now = session("conv-2");
        assertThat(now.path("failureCount").asInt()).isEqualTo(1);
        assertThat(now.path("cliSessionId").asText()).isNotEqualTo(lost);
        assertThat(sessions().path("stats").path("failures").asInt()).isEqualTo(1);
    }

    @Test
    void twoTurnsOfOneConversationAtOnce_runOneAfterTheOther() throws Exception {
        upstream.enqueue(UpstreamReply.text("Hello Ada."));
        answer(messages("conv-3", "My name is Ada."));
        upstream.enqueue(UpstreamReply.text("First").withEventDelay(Duration.ofMillis(100)));
        upstream.enqueue(UpstreamReply.text("Second"));

        CompletableFuture<HttpResponse<String>> a = send(messages("conv-3", "My name is Ada.",
                "Hello Ada.", "Question A"));
        CompletableFuture<HttpResponse<String>> b = send(messages("conv-3", "My name is Ada.",
                "Hello Ada.", "Question B"));

        assertThat(a.get().statusCode()).isEqualTo(200);
        assertThat(b.get().statusCode()).isEqualTo(200);
        JsonNode last = upstream.requests().getLast().body();
        assertThat(last.path("messages").toString()).contains("Question A", "Question B");
        assertThat(session("conv-3").path("resumeCount").asInt()).isEqualTo(2);
    }

    @Test
    void withoutAConversationId_noTranscriptIsLeft_andNoSessionStored() throws Exception {
        upstream.enqueue(UpstreamReply.text("Hi"));

        answer(messages(null, "Hello"));

        assertThat(transcripts()).isEmpty();
        assertThat(sessions().path("sessions")).isEmpty();
    }

    @Test
    void deletingASession_removesItsTranscript() throws Exception {
        upstream.enqueue(UpstreamReply.text("Hi"));
        answer(messages("conv-4", "Hello"));
        assertThat(transcripts()).hasSize(1);

        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/sessions/conv-4"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(transcripts()).isEmpty();
        assertThat(sessions().path("sessions")).isEmpty();
    }

    /** An Anthropic request; {@code texts} alternate user/assistant, starting with the user. */
    private HttpRequest messages(String conversation, String... texts) {
        ObjectNode body = JSON.createObjectNode().put("model", "claude-haiku-4-5").put("max_tokens", 64);
        ArrayNode list = body.putArray("messages");
        for (int i = 0; i < texts.length; i++) {
            list.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", texts[i]);
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/messages"))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (conversation != null) {
            req.header("x-conversation-id", conversation);
        }
        return req.build();
    }

    /** An OpenAI request naming its conversation by x-session-id. */
    private HttpRequest chat(String conversation, String... texts) {
        ObjectNode body = JSON.createObjectNode().put("model", "claude-haiku-4-5");
        ArrayNode list = body.putArray("messages");
        for (int i = 0; i < texts.length; i++) {
            list.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", texts[i]);
        }
        return HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .header("x-session-id", conversation)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private String answer(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(res.body());
        return body.has("choices") ? body.path("choices").get(0).path("message").path("content").asText()
                : body.path("content").get(0).path("text").asText();
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode sessions() throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/sessions"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(res.body());
    }

    private JsonNode session(String conversation) throws IOException, InterruptedException {
        for (JsonNode s : sessions().path("sessions")) {
            if (s.path("conversationId").asText().equals(conversation)) {
                return s;
            }
        }
        throw new AssertionError("no session for " + conversation + ": " + sessions());
    }

    private List<Path> transcripts() throws IOException {
        Path projects = dir.resolve("home/.claude/projects");
        if (!Files.isDirectory(projects)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(projects)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
    }

}
