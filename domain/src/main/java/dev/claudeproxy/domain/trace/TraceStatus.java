package dev.claudeproxy.domain.trace;

import java.util.Locale;

/** Whether a request is still running, answered, or failed. */
public enum TraceStatus {
    ACTIVE,
    COMPLETED,
    ERROR;

    /** The status as traces and the debug endpoints spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a request in {@code phase} has. */
    public static TraceStatus of(TracePhase phase) {
        return switch (phase) {
            case COMPLETED -> COMPLETED;
            case ERROR -> ERROR;
            default -> ACTIVE;
        };
    }
}
