package dev.claudeproxy.application.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Where a request came from, for its trace: the route it hit, when it arrived, its body size, client address and agent. */
public record RequestOrigin(String route, Optional<Instant> receivedAt, long bodyBytes, String clientIp,
                           String userAgent) {

    public RequestOrigin {
        route = Objects.requireNonNullElse(route, "");
        receivedAt = Objects.requireNonNullElse(receivedAt, Optional.empty());
        clientIp = Objects.requireNonNullElse(clientIp, "");
        userAgent = Objects.requireNonNullElse(userAgent, "");
        if (bodyBytes < 0) {
            throw new IllegalArgumentException("bodyBytes must not be negative");
        }
    }

    /** An origin nobody told us about (a call from code rather than HTTP). */
    public static RequestOrigin unknown() {
        return new RequestOrigin("", Optional.empty(), 0, "", "");
    }
}
