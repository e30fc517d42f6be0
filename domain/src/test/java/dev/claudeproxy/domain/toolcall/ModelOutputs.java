package dev.claudeproxy.domain.toolcall;

import dev.claudeproxy.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Generators of model output for the property-style tests: calls in the four formats, prose and junk. */
final class ModelOutputs {

    static final List<String> NAMES = List.of("Read", "Write_file", "mcp__srv__tool", "bash-1", "ünïcode");
    static final List<String> JUNK = List.of("<tool_use>", "</tool_use>", "<function_calls>", "</function_calls>",
            "<invoke", "<invoke name=\"", "\">", "</invoke>", "<parameter name=\"p\">", "</parameter>", "[Tool call:", "Input:",
            "{", "}", "[", "]", "\"", "\\", ":", ",", "\n", "\t", " ", "```json\n", "```", "hello", "é中😀", "{\"name\":", "\"input\":",
            "null", "42", "<", "<tool_", "[Tool");

    private ModelOutputs() {
    }

    /** A random mix of junk fragments and well-formed calls; the names of inserted calls go into {@code inserted}. */
    static String randomMix(SplittableRandom random, Set<String> inserted) {
        StringBuilder text = new StringBuilder();
        int fragments = random.nextInt(0, 30);
        for (int f = 0; f < fragments; f++) {
            if (random.nextInt(6) == 0) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                inserted.add(name);
                text.append(render(random.nextInt(4), new ToolCall(name, randomObject(random, 2))));
            } else {
                text.append(JUNK.get(random.nextInt(JUNK.size())));
            }
        }
        return text.toString();
    }

    /** Renders a call in format 0..3; format 0 writes raw newlines/tabs inside strings as models do. */
    static String render(int format, ToolCall call) {
        String json = call.input().toJson();
        return switch (format) {
            case 0 -> "<tool_use>\n{\"name\": \"" + call.name() + "\", \"input\": " + json.replace("\\n", "\n").replace("\\t", "\t") + "}\n</tool_use>";
            case 1 -> "<function_calls>[{\"name\":\"" + call.name() + "\",\"parameters\":" + json + "}]</function_calls>";
            case 2 -> "<invoke name=\"" + call.name() + "\"><parameter name=\"v\">" + json + "</parameter></invoke>";
            default -> "[Tool call: " + call.name() + "\nInput: " + json + "]";
        };
    }

    static String randomText(SplittableRandom random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(0, 40);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString().replace("\uD83D", "").replace("\uDE00", "😀");
    }

    static JsonValue.JsonObject randomObject(SplittableRandom random, int depth) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        int size = random.nextInt(0, 4);
        for (int i = 0; i < size; i++) {
            members.put("k" + i, randomValue(random, depth - 1));
        }
        return new JsonValue.JsonObject(members);
    }

    static JsonValue randomValue(SplittableRandom random, int depth) {
        return switch (depth <= 0 ? random.nextInt(4) : random.nextInt(6)) {
            case 0 -> new JsonValue.JsonString(List.of("a\nb", "tab\there", "}{][", "</tool_use", "é中😀", "q\"x", "")
                    .get(random.nextInt(7)));
            case 1 -> new JsonValue.JsonNumber(BigDecimal.valueOf(random.nextInt(-1000, 1000)));
            case 2 -> new JsonValue.JsonBool(random.nextBoolean());
            case 3 -> JsonValue.JsonNull.INSTANCE;
            case 4 -> randomObject(random, depth);
            default -> new JsonValue.JsonArray(List.of(randomValue(random, depth - 1), randomValue(random, depth - 1)));
        };
    }
}
