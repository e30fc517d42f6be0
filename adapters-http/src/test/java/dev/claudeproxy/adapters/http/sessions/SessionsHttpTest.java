package dev.claudeproxy.adapters.http.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.TestProxy;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.session.Session;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /sessions} lists, cleans up and deletes; both APIs pass the conversation headers on. */
class SessionsHttpTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final TestProxy proxy = new TestProxy();

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void theList_hasEverySessionAndTheStats() {
        proxy.sessions.sessions.put("c1", new Session("c1", "cli-1", "claude-sonnet-4-6", 3, T0, T0.plusSeconds(60),
                1, 0));

        JsonNode body = TestProxy.json(proxy.get("/sessions"));

        assertThat(body.path("sessions").get(0).toString()).isEqualTo("{\"conversationId\":\"c1\",\"cliSessionId\":"
                + "\"cli-1\",\"model\":\"claude-sonnet-4-6\",\"messageCount\":3,\"createdAt\":\"2026-11-25T10:00:00Z\","
                + "\"lastUsedAt\":\"2026-11-25T10:01:00Z\",\"resumeCount\":1,\"failureCount\":0}");
        assertThat(body.path("stats").toString()).isEqualTo("{\"total\":1,\"active\":1,\"resumes\":3,\"failures\":1,"
                + "\"lookups\":4,\"hits\":3,\"hitRate\":0.75}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET"})
    void cleanup_answersWhatItRemoved(String method) {
        HttpResponse<String> res = proxy.send(proxy.request("/sessions/cleanup")
                .method(method, HttpRequest.BodyPublishers.noBody()).build());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"expired\":2,\"evicted\":1,\"removed\":3,\"remaining\":0}");
        assertThat(proxy.sessions.cleanups).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c1", "Group chat #42", "dm:u/7", "ünï 😀"})
    void delete_forgetsTheSession_byItsEncodedId(String id) {
        proxy.sessions.sessions.put(id, new Session(id, "cli-1", "m", 1, T0, T0, 0, 0));

        HttpResponse<String> res = delete(id);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(TestProxy.json(res).path("conversationId").asText()).isEqualTo(id);
        assertThat(proxy.sessions.sessions).isEmpty();
    }

    @Test
    void deletingAnUnknownSession_isA404InTheAnthropicShape() {
        HttpResponse<String> res = delete("nope");

        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(TestProxy.json(res).path("error").path("type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void aBadlyEncodedId_isA400_notA500() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.getOutputStream().write(("DELETE /sessions/a%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void theConversationHeaders_reachTheCommand_onBothApis() {
        proxy.createMessage.replies(new AssistantReply("msg_1", "m", List.of(new ContentBlock.Text("ok")),
                StopReason.END_TURN, Usage.ZERO));
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

        proxy.send(proxy.request("/v1/messages").header("x-conversation-id", "conv-a").header("x-session-id", "s")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"," + messages + "}")).build());
        proxy.send(proxy.request("/v1/chat/completions").header("x-session-id", "sess-b")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"," + messages + "}")).build());
        proxy.post("/v1/messages", "{\"model\":\"m\"," + messages + "}");

        assertThat(proxy.createMessage.commands).extracting(c -> c.conversationId().orElse("-"))
                .containsExactly("conv-a", "sess-b", "-");
    }

    private HttpResponse<String> delete(String id) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return proxy.send(proxy.request("/sessions/" + encoded).DELETE().build());
    }
}
