package dev.claudeproxy.adapters.http.sessions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.SessionStats;

/** The JSON shape of session figures, shared by {@code /sessions} and {@code /debug/stats}. */
public final class SessionsWire {

    private SessionsWire() {
    }

    public static ObjectNode stats(SessionStats stats) {
        return WireJson.object()
                .put("total", stats.total())
                .put("active", stats.active())
                .put("resumes", stats.resumes())
                .put("failures", stats.failures())
                .put("lookups", stats.lookups())
                .put("hits", stats.hits())
                .put("hitRate", stats.hitRate());
    }
}
