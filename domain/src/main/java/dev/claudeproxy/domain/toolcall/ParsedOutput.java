package dev.claudeproxy.domain.toolcall;

import java.util.List;
import java.util.Objects;

/** The model's text split into the (stripped) text before the first tool-call marker and the calls, in order. */
public record ParsedOutput(String textBefore, List<ToolCall> calls) {
    public ParsedOutput {
        Objects.requireNonNull(textBefore, "textBefore");
        calls = List.copyOf(calls);
    }

    /** Whether at least one tool call was found. */
    public boolean hasCalls() {
        return !calls.isEmpty();
    }
}
