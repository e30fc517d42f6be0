package dev.claudeproxy.adapters.http.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.ApiErrors;
import dev.claudeproxy.adapters.http.common.JsonValues;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.adapters.http.sessions.SessionsWire;
import dev.claudeproxy.application.port.in.InspectRequestsUseCase;
import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.application.port.in.RequestStats;
import dev.claudeproxy.application.port.in.SessionsUseCase;
import dev.claudeproxy.application.port.out.LogFiles;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceJson;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code /debug/*}: figures, live requests, traces, failed requests' dumps, log files and process health. */
public final class DebugHttpService implements HttpService {

    private final InspectRequestsUseCase inspect;
    private final QueueStatusQuery queue;
    private final SessionsUseCase sessions;
    private final String version;
    private final Map<String, Object> settings;

    /** @param settings the configuration shown to operators; must hold nothing secret */
    public DebugHttpService(InspectRequestsUseCase inspect, QueueStatusQuery queue, SessionsUseCase sessions,
                            String version, Map<String, Object> settings) {
        this.inspect = Objects.requireNonNull(inspect, "inspect");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.version = Objects.requireNonNull(version, "version");
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/debug/stats", this::stats)
                .get("/debug/traces", this::traces)
                .get("/debug/traces/*", this::trace)
                .get("/debug/errors", this::errors)
                .get("/debug/errors/*", this::errorDump)
                .get("/debug/logs", this::logs)
                .get("/debug/logs/*", this::logTail)
                .get("/debug/active", this::active)
                .get("/debug/health", this::health);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        RequestStats stats = inspect.stats();
        ObjectNode body = WireJson.object().put("version", version);
        body.set("config", config());
        body.set("queue", queue());
        body.set("sessions", SessionsWire.stats(sessions.overview().stats()));
        body.put("uptimeMs", stats.uptime().toMillis()).put("uptimeHuman", ProcessFacts.human(stats.uptime()));
        body.set("requests", requests(stats));
        body.put("errors", stats.errors())
                .put("errorRate", stats.errorRate())
                .put("avgDurationMs", Math.round(stats.averageDurationMs()));
        ObjectNode models = body.putObject("models");
        stats.byModel().forEach((model, m) -> models.putObject(model).put("requests", m.requests())
                .put("errors", m.errors()).put("avgDurationMs", Math.round(m.averageDurationMs())));
        ObjectNode outcomes = body.putObject("outcomes");
        stats.byOutcome().forEach(outcomes::put);
        WireJson.send(res, 200, body);
    }

    private void traces(ServerRequest req, ServerResponse res) {
        WireJson.send(res, 200, traceList(inspect.recent(intParam(req, "limit", 20))));
    }

    private void trace(ServerRequest req, ServerResponse res) {
        String id = lastSegment(req, "/debug/traces/");
        Optional<Trace> trace = inspect.trace(id);
        if (trace.isEmpty()) {
            ApiErrors.send(req, res, ReplyError.notFound("No trace for request " + id));
            return;
        }
        WireJson.send(res, 200, traceJson(trace.get()));
    }

    private void errors(ServerRequest req, ServerResponse res) {
        WireJson.send(res, 200, traceList(inspect.recentErrors(intParam(req, "limit", 10))));
    }

    private void errorDump(ServerRequest req, ServerResponse res) {
        String id = lastSegment(req, "/debug/errors/");
        Optional<JsonNode> dump = inspect.errorDump(id).flatMap(text -> WireJson.parse(
                text.getBytes(StandardCharsets.UTF_8)));
        if (dump.isEmpty()) {
            ApiErrors.send(req, res, ReplyError.notFound("No error dump for request " + id));
            return;
        }
        WireJson.send(res, 200, dump.get());
    }

    private void logs(ServerRequest req, ServerResponse res) {
        ObjectNode body = WireJson.object().put("logDir", inspect.logLocation());
        ArrayNode files = body.putArray("files");
        inspect.logFiles().forEach(files::add);
        WireJson.send(res, 200, body);
    }

    private void logTail(ServerRequest req, ServerResponse res) {
        String file = lastSegment(req, "/debug/logs/");
        int tail = intParam(req, "tail", 100);
        Optional<LogFiles.LogTail> found = inspect.logTail(file, tail);
        if (found.isEmpty()) {
            ApiErrors.send(req, res, ReplyError.notFound("No log file " + file));
            return;
        }
        ObjectNode body = WireJson.object().put("file", file).put("total", found.get().total())
                .put("returned", found.get().lines().size());
        ArrayNode lines = body.putArray("lines");
        for (String line : found.get().lines()) {
            lines.add(WireJson.parse(line.getBytes(StandardCharsets.UTF_8))
                    .filter(JsonNode::isObject)
                    .orElseGet(() -> WireJson.object().put("raw", line)));
        }
        WireJson.send(res, 200, body);
    }

    private void active(ServerRequest req, ServerResponse res) {
        ObjectNode body = WireJson.object();
        body.set("queue", queue());
        ArrayNode list = body.putArray("activeRequests");
        Instant now = Instant.now();
        for (Trace trace : inspect.active()) {
            list.add(traceJson(trace).put("elapsedMs",
                    java.time.Duration.between(trace.times().received(), now).toMillis()));
        }
        WireJson.send(res, 200, body);
    }

    private void health(ServerRequest req, ServerResponse res) {
        RequestStats stats = inspect.stats();
        ObjectNode body = WireJson.object().put("status", "ok").put("version", version)
                .put("pid", ProcessFacts.pid())
                .put("uptimeMs", stats.uptime().toMillis())
                .put("uptimeHuman", ProcessFacts.human(stats.uptime()));
        body.set("memory", ProcessFacts.memory());
        body.set("queue", queue());
        body.set("requests", requests(stats));
        body.set("config", config());
        WireJson.send(res, 200, body);
    }

    private ObjectNode queue() {
        QueueStatus q = queue.queueStatus();
        return WireJson.object().put("active", q.active()).put("waiting", q.waiting()).put("max", q.max());
    }

    private ObjectNode config() {
        ObjectNode config = WireJson.object();
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> config.set(e.getKey(), WireJson.valueOf(e.getValue())));
        return config;
    }

    private static ObjectNode requests(RequestStats stats) {
        return WireJson.object().put("total", stats.total()).put("completed", stats.completed())
                .put("errors", stats.errors()).put("active", stats.active());
    }

    private static ArrayNode traceList(List<Trace> traces) {
        ArrayNode list = WireJson.array();
        traces.forEach(t -> list.add(traceJson(t)));
        return list;
    }

    private static ObjectNode traceJson(Trace trace) {
        return (ObjectNode) JsonValues.toJackson(TraceJson.of(trace));
    }

    /** The decoded rest of the raw path after {@code prefix}, so an encoded '/' cannot open another path. */
    private static String lastSegment(ServerRequest req, String prefix) {
        String raw = req.path().rawPath();
        int at = raw.indexOf(prefix);
        String rest = at < 0 ? "" : raw.substring(at + prefix.length());
        try {
            return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("path: not a valid URL-encoded path segment");
        }
    }

    private static int intParam(ServerRequest req, String name, int fallback) {
        Optional<String> value = req.query().first(name).asOptional();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name + ": must be a whole number");
        }
    }
}
