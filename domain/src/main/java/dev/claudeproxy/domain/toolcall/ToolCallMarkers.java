package dev.claudeproxy.domain.toolcall;

import java.util.List;

/** The opening markers of the four tool-call formats, and where a marker may begin in streamed text. */
public final class ToolCallMarkers {

    public static final String TOOL_USE = "<tool_use>";
    public static final String FUNCTION_CALLS = "<function_calls>";
    public static final String INVOKE = "<invoke";
    public static final String TOOL_CALL_LINE = "[Tool call:";

    /** All opening markers. */
    public static final List<String> ALL = List.of(TOOL_USE, FUNCTION_CALLS, INVOKE, TOOL_CALL_LINE);

    private ToolCallMarkers() {
    }

    /**
     * The smallest index from which {@code text} contains a whole marker or ends with a proper prefix of one
     * (e.g. text ending in {@code "<tool_"}), or {@code text.length()} if none: everything before it is safe to
     * stream as plain text.
     */
    public static int earliestPossibleStart(String text) {
        int earliest = text.length();
        for (String marker : ALL) {
            int whole = text.indexOf(marker);
            if (whole >= 0 && whole < earliest) {
                earliest = whole;
            }
            int longest = Math.min(marker.length() - 1, text.length());
            for (int k = longest; k >= 1; k--) {
                if (text.regionMatches(text.length() - k, marker, 0, k)) {
                    earliest = Math.min(earliest, text.length() - k);
                    break;
                }
            }
        }
        return earliest;
    }
}
