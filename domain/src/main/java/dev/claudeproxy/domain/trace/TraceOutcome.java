package dev.claudeproxy.domain.trace;

import java.util.Locale;
import java.util.Map;

/** How a request ended: answered, or the reason it was not. */
public enum TraceOutcome {
    COMPLETED,
    CLIENT_DISCONNECT,
    STALL_TIMEOUT,
    MAX_DURATION,
    MAX_OUTPUT,
    QUEUE_TIMEOUT,
    CLI_ERROR,
    CLI_CRASHED,
    CLI_UNAVAILABLE,
    RESUME_NOT_FOUND,
    UPSTREAM_RATE_LIMITED,
    UPSTREAM_OVERLOADED,
    UPSTREAM_AUTH,
    UPSTREAM_ERROR,
    INTERNAL_ERROR;

    // the reasons a ReplyError carries whose outcome name differs from the reason
    private static final Map<String, TraceOutcome> RENAMED = Map.of(
            "stalled", STALL_TIMEOUT,
            "timed_out", MAX_DURATION,
            "output_limit", MAX_OUTPUT,
            "cancelled", CLIENT_DISCONNECT);

    /** The outcome as traces, logs and metrics spell it ({@code stall_timeout}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a request that failed for {@code reason} (a reply error's reason); unknown ones are internal. */
    public static TraceOutcome forReason(String reason) {
        if (reason == null) {
            return INTERNAL_ERROR;
        }
        TraceOutcome renamed = RENAMED.get(reason);
        if (renamed != null) {
            return renamed;
        }
        try {
            return valueOf(reason.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return INTERNAL_ERROR;
        }
    }

    /** The outcome spelled as {@link #wireName()} spells it. */
    public static TraceOutcome fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
