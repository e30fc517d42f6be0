package dev.claudeproxy.domain.toolcall;

import dev.claudeproxy.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds tool calls in a model's text in the four formats of SPEC §5, skipping malformed blocks; never throws. */
public final class ToolCallParser {

    private static final int MAX_NAME_LENGTH = 128;
    private static final int MAX_NAME_LINE = 300;

    private ToolCallParser() {
    }

    /** Splits {@code text} into the text before the first call and the calls of the first format that has any. */
    public static ParsedOutput parse(String text) {
        String s = text == null ? "" : text;
        TaggedBlocks.Found found = TaggedBlocks.scan(s, ToolCallMarkers.TOOL_USE, "</tool_use>",
                body -> LenientJson.parse(body).flatMap(v -> call(v, "input")).map(List::of).orElse(List.of()));
        if (found.calls().isEmpty()) {
            found = TaggedBlocks.scan(s, ToolCallMarkers.FUNCTION_CALLS, "</function_calls>",
                    ToolCallParser::functionCalls);
        }
        if (found.calls().isEmpty()) {
            found = TaggedBlocks.scan(s, ToolCallMarkers.INVOKE, "</invoke>", InvokeReader::read);
            found = found.calls().isEmpty() ? found : new TaggedBlocks.Found(enclosingBlock(s, found.start()), found.calls());
        }
        if (found.calls().isEmpty()) {
            found = toolCallLines(s);
        }
        if (found.calls().isEmpty()) {
            return new ParsedOutput(s.strip(), List.of());
        }
        return new ParsedOutput(s.substring(0, found.start()).strip(), found.calls());
    }

    /** Whether {@code name} looks like a tool name: 1 to 128 letters, digits, {@code _ - . :}. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_-.:".indexOf(c) >= 0);
    }

    private static List<ToolCall> functionCalls(String body) {
        Optional<JsonValue> parsed = LenientJson.parse(body);
        if (parsed.isEmpty()) {
            return List.of();
        }
        List<JsonValue> items = parsed.get() instanceof JsonValue.JsonArray array ? array.items() : List.of(parsed.get());
        List<ToolCall> calls = new ArrayList<>();
        for (JsonValue item : items) {
            call(item, "input", "parameters").ifPresent(calls::add);
        }
        return calls;
    }

    /** A call from {@code {"name": N, <inputKey>: {...}}}; a missing input is empty, a non-object one is rejected. */
    private static Optional<ToolCall> call(JsonValue value, String... inputKeys) {
        if (!(value instanceof JsonValue.JsonObject object)
                || !(object.members().get("name") instanceof JsonValue.JsonString(String rawName))
                || !isValidName(rawName.strip())) {
            return Optional.empty();
        }
        JsonValue input = null;
        for (String key : inputKeys) {
            input = input == null ? object.members().get(key) : input;
        }
        if (input instanceof JsonValue.JsonString(String encoded)) {
            input = LenientJson.parse(encoded).orElse(null);
            if (input == null) {
                return Optional.empty();
            }
        }
        if (input == null) {
            return Optional.of(new ToolCall(rawName.strip(), JsonValue.JsonObject.empty()));
        }
        return input instanceof JsonValue.JsonObject in ? Optional.of(new ToolCall(rawName.strip(), in)) : Optional.empty();
    }

    /** Moves an {@code <invoke>} start back to a {@code <function_calls>} opening just before it (only whitespace between). */
    private static int enclosingBlock(String s, int invokeStart) {
        int outer = s.lastIndexOf(ToolCallMarkers.FUNCTION_CALLS, invokeStart);
        boolean adjacent = outer >= 0
                && s.substring(outer + ToolCallMarkers.FUNCTION_CALLS.length(), invokeStart).isBlank();
        return adjacent ? outer : invokeStart;
    }

    /** Format (4): {@code [Tool call: N\nInput: {json}]}, with an optional code fence around the JSON. */
    private static TaggedBlocks.Found toolCallLines(String s) {
        List<ToolCall> calls = new ArrayList<>();
        int first = -1;
        int pos = 0;
        int o;
        while ((o = s.indexOf(ToolCallMarkers.TOOL_CALL_LINE, pos)) >= 0) {
            pos = o + 1;
            int nameStart = o + ToolCallMarkers.TOOL_CALL_LINE.length();
            int newline = nameStart;
            while (newline < s.length() && newline - nameStart < MAX_NAME_LINE && s.charAt(newline) != '\n') {
                newline++;
            }
            String name = s.substring(nameStart, newline).strip();
            int i = skipWhitespace(s, newline);
            if (newline >= s.length() || s.charAt(newline) != '\n' || !isValidName(name) || !s.startsWith("Input:", i)) {
                continue;
            }
            i = skipWhitespace(s, i + "Input:".length());
            if (s.startsWith("```", i)) {
                int fenceEnd = s.indexOf('\n', i);
                i = fenceEnd < 0 ? s.length() : skipWhitespace(s, fenceEnd);
            }
            int end = i < s.length() && s.charAt(i) == '{' ? LenientJson.balancedEnd(s, i) : -1;
            if (end < 0) {
                continue;
            }
            int j = skipWhitespace(s, end);
            j = s.startsWith("```", j) ? skipWhitespace(s, j + 3) : j;
            Optional<JsonValue> input = LenientJson.parse(s.substring(i, end));
            if (j < s.length() && s.charAt(j) == ']' && input.orElse(null) instanceof JsonValue.JsonObject in) {
                first = first < 0 ? o : first;
                calls.add(new ToolCall(name, in));
                pos = j + 1;
            }
        }
        return calls.isEmpty() ? TaggedBlocks.Found.NONE : new TaggedBlocks.Found(first, calls);
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
