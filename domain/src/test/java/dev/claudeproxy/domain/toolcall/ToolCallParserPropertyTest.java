package dev.claudeproxy.domain.toolcall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Generated inputs with a fixed seed: the parser never throws, never invents a call, and round-trips format (1). */
class ToolCallParserPropertyTest {

    private static final long SEED = 0x7001_ca11L;
    private static final List<String> NAMES = List.of("Read", "Write_file", "mcp__srv__tool", "bash-1", "ünïcode");
    private static final List<String> JUNK = List.of("<tool_use>", "</tool_use>", "<function_calls>", "</function_calls>",
            "<invoke", "<invoke name=\"", "\">", "</invoke>", "<parameter name=\"p\">", "</parameter>", "[Tool call:", "Input:",
            "{", "}", "[", "]", "\"", "\\", ":", ",", "\n", "\t", " ", "```json\n", "```", "hello", "é中😀", "{\"name\":", "\"input\":",
            "null", "42", "<", "<tool_", "[Tool");

    @Test
    void randomMixes_neverThrow_neverInventCalls() {
        SplittableRandom random = new SplittableRandom(SEED);
        int found = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            Set<String> inserted = new HashSet<>();
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
            String input = text.toString();
            ParsedOutput out = ToolCallParser.parse(input);
            found += out.calls().size();
            assertThat(input).as("textBefore is a prefix").contains(out.textBefore());
            for (ToolCall call : out.calls()) {
                assertThat(input).as(input).contains(call.name());
                assertThat(inserted).as(input).contains(call.name());
            }
        }
        assertThat(found).as("the mixes do contain findable calls").isGreaterThan(1_000);
    }

    @Test
    void validToolUseCalls_withRandomTextAround_roundTripInOrder() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        String prose = "The quick brown fox, {braces} [brackets] \"quotes\" é中😀\n\t<b>tag</b> ";
        for (int i = 0; i < 1_000; i++) {
            List<ToolCall> calls = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            String before = randomText(random, prose);
            text.append(before);
            int n = random.nextInt(1, 5);
            for (int c = 0; c < n; c++) {
                ToolCall call = new ToolCall(NAMES.get(random.nextInt(NAMES.size())), randomObject(random, 3));
                calls.add(call);
                text.append(render(0, call)).append(randomText(random, prose));
            }
            ParsedOutput out = ToolCallParser.parse(text.toString());
            assertThat(out.calls()).as(text.toString()).isEqualTo(calls);
            assertThat(out.textBefore()).isEqualTo(before.strip());
        }
    }

    /** Renders a call in format 0..3; format 0 writes raw newlines/tabs inside strings as models do. */
    private static String render(int format, ToolCall call) {
        String json = call.input().toJson();
        return switch (format) {
            case 0 -> "<tool_use>\n{\"name\": \"" + call.name() + "\", \"input\": " + json.replace("\\n", "\n").replace("\\t", "\t") + "}\n</tool_use>";
            case 1 -> "<function_calls>[{\"name\":\"" + call.name() + "\",\"parameters\":" + json + "}]</function_calls>";
            case 2 -> "<invoke name=\"" + call.name() + "\"><parameter name=\"v\">" + json + "</parameter></invoke>";
            default -> "[Tool call: " + call.name() + "\nInput: " + json + "]";
        };
    }

    private static String randomText(SplittableRandom random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(0, 40);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString().replace("\uD83D", "").replace("\uDE00", "😀");
    }

    private static JsonValue.JsonObject randomObject(SplittableRandom random, int depth) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        int size = random.nextInt(0, 4);
        for (int i = 0; i < size; i++) {
            members.put("k" + i, randomValue(random, depth - 1));
        }
        return new JsonValue.JsonObject(members);
    }

    private static JsonValue randomValue(SplittableRandom random, int depth) {
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
