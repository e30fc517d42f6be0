package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.application.port.in.RequestOrigin;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Where an HTTP request came from, for its trace: route, arrival, body size, client address and user agent. */
public final class Origins {

    private static final int MAX_USER_AGENT = 512;

    private Origins() {
    }

    public static RequestOrigin of(ServerRequest req, long bodyBytes) {
        String agent = req.headers().first(HeaderNames.USER_AGENT).orElse("");
        return new RequestOrigin(req.path().path(), RequestId.receivedAt(req), bodyBytes, req.remotePeer().host(),
                agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent);
    }
}
