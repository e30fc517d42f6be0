package dev.claudeproxy.domain.trace;

import dev.claudeproxy.domain.json.JsonObjectBuilder;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The one JSON form of a trace, shared by the debug endpoints, error dumps and log events. */
public final class TraceJson {

    private TraceJson() {
    }

    public static JsonValue.JsonObject of(Trace trace) {
        TraceRequest r = trace.request();
        TraceTimes t = trace.times();
        CliActivity cli = trace.cli();
        return new JsonObjectBuilder()
                .put("reqId", r.requestId())
                .put("route", r.route())
                .put("model", r.model())
                .put("requestedModel", r.requestedModel())
                .put("stream", r.stream())
                .put("hasTools", r.hasTools())
                .put("thinking", r.thinking())
                .put("promptLen", r.promptChars())
                .put("systemLen", r.systemChars())
                .put("messageCount", r.messageCount())
                .put("bodyBytes", r.bodyBytes())
                .put("clientIp", r.clientIp())
                .put("userAgent", r.userAgent())
                .put("phase", trace.phase().wireName())
                .put("status", trace.status().wireName())
                .put("outcome", trace.outcome() == null ? null : trace.outcome().wireName())
                .put("error", trace.errorType().isEmpty() ? null : new JsonObjectBuilder()
                        .put("type", trace.errorType()).put("message", trace.errorMessage()).build())
                .put("receivedAt", instant(t.received()))
                .put("queuedAt", instant(t.queued()))
                .put("acquiredAt", instant(t.acquired()))
                .put("cliStartedAt", instant(t.cliStarted()))
                .put("firstTokenAt", instant(t.firstToken()))
                .put("cliDoneAt", instant(t.cliDone()))
                .put("completedAt", instant(t.completed()))
                .put("queueWaitMs", millis(t.queueWait()))
                .put("ttftMs", millis(t.timeToFirstToken()))
                .put("cliDurationMs", millis(t.cliDuration()))
                .put("totalDurationMs", millis(t.totalDuration()))
                .put("cliEventCount", cli.eventCount())
                .put("lastEventType", cli.lastEventType())
                .put("outputLen", cli.outputChars())
                .put("toolCallCount", cli.toolCallCount())
                .put("stallCount", cli.stallCount())
                .put("usage", usage(trace.usage()))
                .put("session", new JsonObjectBuilder()
                        .put("conversationId", emptyToNull(trace.session().conversationId()))
                        .put("cliSessionId", emptyToNull(trace.session().cliSessionId()))
                        .put("resuming", trace.session().resuming())
                        .put("resumeFailed", trace.session().resumeFailed())
                        .build())
                .build();
    }

    private static JsonValue usage(Usage usage) {
        return new JsonObjectBuilder()
                .put("input_tokens", usage.inputTokens())
                .put("output_tokens", usage.outputTokens())
                .put("cache_creation_input_tokens", usage.cacheCreationInputTokens())
                .put("cache_read_input_tokens", usage.cacheReadInputTokens())
                .build();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Long millis(Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(null);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
