package dev.claudeproxy.domain.trace;

import dev.claudeproxy.domain.turn.Usage;
import java.util.Objects;

/**
 * The record of one request: what it asked, when it reached each step, its phase, what the CLI did, how it
 * ended (outcome, error kind and message once ended), token usage and its session. Its id is the request id.
 */
public record Trace(TraceRequest request, TraceTimes times, TracePhase phase, CliActivity cli,
                    TraceOutcome outcome, String errorType, String errorMessage, Usage usage,
                    TraceSession session) {

    public Trace {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(cli, "cli");
        errorType = Objects.requireNonNullElse(errorType, "");
        errorMessage = Objects.requireNonNullElse(errorMessage, "");
        usage = Objects.requireNonNullElse(usage, Usage.ZERO);
        Objects.requireNonNull(session, "session");
        if (phase.terminal() && outcome == null) {
            throw new IllegalArgumentException("an ended trace needs an outcome");
        }
    }

    /** The request id, which is also the trace id. */
    public String id() {
        return request.requestId();
    }

    /** Active, completed or error, as the phase says. */
    public TraceStatus status() {
        return TraceStatus.of(phase);
    }
}
