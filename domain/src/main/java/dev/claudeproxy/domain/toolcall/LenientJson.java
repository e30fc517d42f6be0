package dev.claudeproxy.domain.toolcall;

import dev.claudeproxy.domain.json.JsonParseException;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import java.util.Optional;

/** Forgiving JSON reading for model output: code fences, raw control characters in strings, text around. */
final class LenientJson {

    private LenientJson() {
    }

    /** Parses the JSON value in {@code body}, tolerating fences, raw control characters and surrounding text. */
    static Optional<JsonValue> parse(String body) {
        String text = escapeControlCharsInStrings(stripFences(body.strip()));
        Optional<JsonValue> whole = strict(text);
        if (whole.isPresent()) {
            return whole;
        }
        int open = firstOpening(text);
        if (open < 0) {
            return Optional.empty();
        }
        int end = balancedEnd(text, open);
        return end < 0 ? Optional.empty() : strict(text.substring(open, end));
    }

    /** Parses {@code text} with the strict parser, empty if it is not valid JSON. */
    static Optional<JsonValue> strict(String text) {
        try {
            return Optional.of(JsonParser.parse(text));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** Removes a leading {@code ```lang} line and a trailing {@code ```}, if present. */
    static String stripFences(String text) {
        String s = text;
        if (s.startsWith("```")) {
            int newline = s.indexOf('\n');
            s = newline < 0 ? s.substring(3) : s.substring(newline + 1);
        }
        if (s.endsWith("```")) {
            s = s.substring(0, s.length() - 3);
        }
        return s.strip();
    }

    /** Escapes raw control characters (newlines, tabs, ...) found inside JSON string literals. */
    static String escapeControlCharsInStrings(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString && c < 0x20) {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
                escaped = false;
                continue;
            }
            out.append(c);
            if (escaped) {
                escaped = false;
            } else if (inString && c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return out.toString();
    }

    /** The index just after the bracket matching the one at {@code start} (string-aware), or -1 if unclosed. */
    static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int firstOpening(String text) {
        int brace = text.indexOf('{');
        int bracket = text.indexOf('[');
        if (brace < 0 || bracket < 0) {
            return Math.max(brace, bracket);
        }
        return Math.min(brace, bracket);
    }
}
