package dev.claudeproxy.domain.trace;

import java.util.Objects;

/** The conversation a request belonged to, if any: its id, the CLI session used, and whether a resume was tried or failed. */
public record TraceSession(String conversationId, String cliSessionId, boolean resuming, boolean resumeFailed) {

    public static final TraceSession NONE = new TraceSession("", "", false, false);

    public TraceSession {
        conversationId = Objects.requireNonNullElse(conversationId, "");
        cliSessionId = Objects.requireNonNullElse(cliSessionId, "");
    }
}
