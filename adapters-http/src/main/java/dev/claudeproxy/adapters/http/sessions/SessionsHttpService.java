package dev.claudeproxy.adapters.http.sessions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.ApiErrors;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.SessionCleanup;
import dev.claudeproxy.application.port.in.SessionsOverview;
import dev.claudeproxy.application.port.in.SessionsUseCase;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.session.Session;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** {@code /sessions}: the stored conversation sessions with their figures, cleanup, and forgetting one. */
public final class SessionsHttpService implements HttpService {

    private final SessionsUseCase sessions;

    public SessionsHttpService(SessionsUseCase sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/sessions", this::list)
                .post("/sessions/cleanup", this::cleanup)
                .get("/sessions/cleanup", this::cleanup)
                .delete("/sessions/*", this::delete); // the id may hold an encoded '/': read from the raw path
    }

    private void list(ServerRequest req, ServerResponse res) {
        SessionsOverview overview = sessions.overview();
        ObjectNode body = WireJson.object();
        ArrayNode list = body.putArray("sessions");
        overview.sessions().forEach(s -> list.add(session(s)));
        body.set("stats", SessionsWire.stats(overview.stats()));
        WireJson.send(res, 200, body);
    }

    private void cleanup(ServerRequest req, ServerResponse res) {
        SessionCleanup done = sessions.cleanup();
        WireJson.send(res, 200, WireJson.object().put("expired", done.expired()).put("evicted", done.evicted())
                .put("removed", done.expired() + done.evicted()).put("remaining", done.remaining()));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String raw = req.path().rawPath();
        String id;
        try {
            id = URLDecoder.decode(raw.substring(raw.indexOf("/sessions/") + "/sessions/".length())
                    .replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("conversation id: not a valid URL-encoded path segment");
        }
        if (!sessions.delete(id)) {
            ApiErrors.send(req, res, ReplyError.notFound("No session for conversation " + id));
            return;
        }
        WireJson.send(res, 200, WireJson.object().put("deleted", true).put("conversationId", id));
    }

    private static ObjectNode session(Session s) {
        return WireJson.object()
                .put("conversationId", s.conversationId())
                .put("cliSessionId", s.cliSessionId())
                .put("model", s.model())
                .put("messageCount", s.messageCount())
                .put("createdAt", s.createdAt().toString())
                .put("lastUsedAt", s.lastUsedAt().toString())
                .put("resumeCount", s.resumeCount())
                .put("failureCount", s.failureCount());
    }
}
