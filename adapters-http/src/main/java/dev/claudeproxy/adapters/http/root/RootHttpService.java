package dev.claudeproxy.adapters.http.root;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.application.port.in.QueueStatusQuery;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Objects;

/** The service's front door: status, version, endpoints and the admission queue's state. */
public final class RootHttpService implements HttpService {

    private static final List<String> ENDPOINTS = List.of(
            "/v1/messages", "/v1/messages/count_tokens", "/v1/models", "/v1/chat/completions", "/v1/chat/models",
            "/sessions", "/sessions/cleanup", "/debug/stats", "/debug/traces", "/debug/errors", "/debug/logs",
            "/debug/active", "/debug/health", "/observe/health", "/observe/metrics");

    private final QueueStatusQuery queue;
    private final String version;

    public RootHttpService(QueueStatusQuery queue, String version) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::status);
    }

    private void status(ServerRequest req, ServerResponse res) {
        ObjectNode body = WireJson.object()
                .put("status", "ok")
                .put("service", "claude-proxy")
                .put("version", version)
                .put("format", "anthropic");
        ArrayNode endpoints = body.putArray("endpoints");
        ENDPOINTS.forEach(endpoints::add);
        QueueStatus q = queue.queueStatus();
        body.putObject("queue").put("active", q.active()).put("waiting", q.waiting()).put("max", q.max());
        WireJson.send(res, 200, body);
    }
}
