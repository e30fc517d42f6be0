package dev.claudeproxy.domain.trace;

import java.util.Objects;

/** What the CLI did for a request: events seen, the last one's type, output written, tool calls, stalls. */
public record CliActivity(int eventCount, String lastEventType, int outputChars, int toolCallCount,
                          int stallCount) {

    public static final CliActivity NONE = new CliActivity(0, "", 0, 0, 0);

    public CliActivity {
        lastEventType = Objects.requireNonNullElse(lastEventType, "");
        if (eventCount < 0 || outputChars < 0 || toolCallCount < 0 || stallCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
