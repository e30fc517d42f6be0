package dev.claudeproxy.domain.trace;

import java.util.Locale;

/** Where a request is in its life: received → queued → acquired → CLI starting/streaming/done → responding → end. */
public enum TracePhase {
    RECEIVED,
    QUEUED,
    ACQUIRED,
    SDK_STARTING,
    SDK_STREAMING,
    SDK_DONE,
    RESPONDING,
    COMPLETED,
    ERROR;

    /** The phase as traces, logs and the debug endpoints spell it ({@code sdk_streaming}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the request has ended in this phase. */
    public boolean terminal() {
        return this == COMPLETED || this == ERROR;
    }

    /** The phase spelled as {@link #wireName()} spells it. */
    public static TracePhase fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
