package dev.claudeproxy.domain.toolcall;

import dev.claudeproxy.domain.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the body of an {@code <invoke name="N"><parameter name="P">V</parameter>...</invoke>} block. */
final class InvokeReader {

    private static final String PARAM = "<parameter";
    private static final String PARAM_CLOSE = "</parameter>";

    private InvokeReader() {
    }

    /** The call in {@code body} (the text after {@code <invoke} up to {@code </invoke>}), or none if malformed. */
    static List<ToolCall> read(String body) {
        if (body.isEmpty() || !Character.isWhitespace(body.charAt(0))) {
            return List.of();
        }
        int[] end = new int[1];
        Optional<String> name = nameAttribute(body, 0, end);
        if (name.isEmpty() || !ToolCallParser.isValidName(name.get())) {
            return List.of();
        }
        Map<String, JsonValue> input = new LinkedHashMap<>();
        int pos = end[0];
        while (true) {
            int p = body.indexOf(PARAM, pos);
            if (p < 0) {
                break;
            }
            Optional<String> param = nameAttribute(body, p + PARAM.length(), end);
            int close = param.isEmpty() ? -1 : body.indexOf(PARAM_CLOSE, end[0]);
            if (close < 0) {
                return List.of();
            }
            input.put(param.get(), value(body.substring(end[0], close)));
            pos = close + PARAM_CLOSE.length();
        }
        return List.of(new ToolCall(name.get(), new JsonValue.JsonObject(input)));
    }

    /** Reads {@code  name="X">} from {@code from}; on success {@code end[0]} is just after the {@code >}. */
    private static Optional<String> nameAttribute(String s, int from, int[] end) {
        int i = skipWhitespace(s, from);
        if (i == from || !s.startsWith("name=", i) || i + 5 >= s.length()) {
            return Optional.empty();
        }
        char quote = s.charAt(i + 5);
        if (quote != '"' && quote != '\'') {
            return Optional.empty();
        }
        int closeQuote = s.indexOf(quote, i + 6);
        if (closeQuote < 0 || closeQuote - i > 300) {
            return Optional.empty();
        }
        int gt = skipWhitespace(s, closeQuote + 1);
        if (gt >= s.length() || s.charAt(gt) != '>') {
            return Optional.empty();
        }
        end[0] = gt + 1;
        String name = s.substring(i + 6, closeQuote).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The parameter's value: its JSON value when the stripped text is JSON, else the stripped text as a string. */
    private static JsonValue value(String raw) {
        String v = raw.strip();
        Optional<JsonValue> json = LenientJson.strict(v);
        if (json.isEmpty() && (v.startsWith("{") || v.startsWith("["))) {
            json = LenientJson.strict(LenientJson.escapeControlCharsInStrings(v));
        }
        return json.orElseGet(() -> new JsonValue.JsonString(v));
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
