package dev.claudeproxy.adapters.persistence.logs;

import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Appends log field values as JSON text that is always valid and never holds a raw line break. */
final class JsonText {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final int MAX_DEPTH = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Strings, numbers, booleans, null, maps, iterables and arrays as themselves; anything else as its toString(). */
    static void value(Object value, StringBuilder out) {
        value(value, out, 0);
    }

    private static void value(Object value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            quote("…", out);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out, depth);
        } else if (value instanceof Iterable<?> items) {
            array(items.iterator(), out, depth);
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i > 0 ? "," : "");
                value(Array.get(value, i), out, depth + 1);
            }
            out.append(']');
        } else if (value instanceof Throwable t) {
            quote(describe(t), out);
        } else {
            quote(String.valueOf(value), out);
        }
    }

    private static void number(Number n, StringBuilder out) {
        String text = n.toString();
        if (JSON_NUMBER.matcher(text).matches()) {
            out.append(text);
        } else {
            quote(text, out); // NaN, Infinity, or a Number whose toString is not JSON
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            quote(String.valueOf(e.getKey()), out);
            out.append(':');
            value(e.getValue(), out, depth + 1);
        }
        out.append('}');
    }

    private static void array(Iterator<?> items, StringBuilder out, int depth) {
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            out.append(first ? "" : ",");
            first = false;
            value(items.next(), out, depth + 1);
        }
        out.append(']');
    }

    /** {@code class: message}, or just the class when there is no message. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    /** A JSON string literal; control characters, U+2028/U+2029 and lone surrogates are escaped. */
    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(text, i, c)) {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(String text, int i, char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
