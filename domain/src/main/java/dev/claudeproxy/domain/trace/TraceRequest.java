package dev.claudeproxy.domain.trace;

import java.util.Objects;

/**
 * What a traced request asked for: its id, route, the model asked for and the CLI tier it ran on, its shape
 * (stream, tools, thinking, sizes) and where it came from. Sizes are characters of the rendered prompt.
 */
public record TraceRequest(String requestId, String route, String requestedModel, String model, boolean stream,
                           boolean hasTools, boolean thinking, int promptChars, int systemChars, int messageCount,
                           long bodyBytes, String clientIp, String userAgent) {

    public TraceRequest {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
        route = Objects.requireNonNullElse(route, "");
        requestedModel = Objects.requireNonNullElse(requestedModel, "");
        model = Objects.requireNonNullElse(model, "");
        clientIp = Objects.requireNonNullElse(clientIp, "");
        userAgent = Objects.requireNonNullElse(userAgent, "");
        if (promptChars < 0 || systemChars < 0 || messageCount < 0 || bodyBytes < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
    }
}
