package dev.claudeproxy.adapters.http.common;

import io.helidon.webserver.http.ServerRequest;

/** The id of one HTTP request, kept in the request context so headers, error bodies and commands agree. */
public record RequestId(String value) {

    /** The id the headers filter registered for this request. */
    public static String of(ServerRequest req) {
        return req.context().get(RequestId.class).map(RequestId::value).orElse("");
    }
}
