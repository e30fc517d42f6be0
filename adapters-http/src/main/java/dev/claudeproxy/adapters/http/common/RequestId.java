package dev.claudeproxy.adapters.http.common;

import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * The id of one HTTP request and when it arrived, kept in the request context so headers, error bodies, commands
 * and traces agree.
 */
public record RequestId(String value, Instant receivedAt) {

    /** The id the headers filter registered for this request. */
    public static String of(ServerRequest req) {
        return req.context().get(RequestId.class).map(RequestId::value).orElse("");
    }

    /** When the headers filter saw this request. */
    public static Optional<Instant> receivedAt(ServerRequest req) {
        return req.context().get(RequestId.class).map(RequestId::receivedAt);
    }
}
