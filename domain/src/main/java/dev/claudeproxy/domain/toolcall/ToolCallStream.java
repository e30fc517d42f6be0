package dev.claudeproxy.domain.toolcall;

import java.util.List;
import java.util.Objects;

/**
 * Splits a model's text, as it streams in, into what may be shown at once and, at the end, the tool calls:
 * text is released up to where a tool-call marker may begin (and without trailing whitespace), so the
 * concatenation of everything released equals {@link ToolCallParser#parse}'s text before the first call.
 */
public final class ToolCallStream {

    private final StringBuilder raw = new StringBuilder();
    /** Index into {@link #raw} up to which text was released (or dropped as leading whitespace). */
    private int consumed;
    private int releasedChars;
    private boolean releasedAny;
    /** A whole marker was seen: nothing more is released before the end. */
    private boolean holding;
    private boolean finished;

    /** Adds a chunk of the model's text; returns the text that is now safe to show (often empty). */
    public String accept(String chunk) {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
        raw.append(Objects.requireNonNull(chunk, "chunk"));
        if (holding) {
            return "";
        }
        String tail = raw.substring(consumed);
        if (!releasedAny) {
            int first = firstNonWhitespace(tail);
            consumed += first;
            tail = tail.substring(first);
        }
        int stop = ToolCallMarkers.earliestPossibleStart(tail);
        holding = containsWholeMarker(tail);
        int safe = stop;
        if (safe > 0 && Character.isHighSurrogate(tail.charAt(safe - 1))) {
            safe--; // never split a surrogate pair
        }
        while (safe > 0 && Character.isWhitespace(tail.charAt(safe - 1))) {
            safe--;
        }
        if (safe == 0) {
            return "";
        }
        consumed += safe;
        releasedChars += safe;
        releasedAny = true;
        return tail.substring(0, safe);
    }

    /** Ends the stream: the text still to show before the calls, and the calls (empty when there are none). */
    public Ending finish() {
        finished = true;
        ParsedOutput parsed = ToolCallParser.parse(raw.toString());
        String before = parsed.textBefore();
        String rest = releasedChars <= before.length() ? before.substring(releasedChars) : "";
        return new Ending(rest, parsed.calls());
    }

    /** What {@link #finish()} found: the last text to show, then the calls in order. */
    public record Ending(String text, List<ToolCall> calls) {
        public Ending {
            Objects.requireNonNull(text, "text");
            calls = List.copyOf(calls);
        }
    }

    private static int firstNonWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean containsWholeMarker(String s) {
        for (String marker : ToolCallMarkers.ALL) {
            if (s.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
