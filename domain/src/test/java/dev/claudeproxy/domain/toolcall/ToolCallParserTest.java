package dev.claudeproxy.domain.toolcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Example-based tests of the four formats and what models really emit. */
class ToolCallParserTest {

    private static JsonValue.JsonObject obj(String json) {
        return (JsonValue.JsonObject) JsonParser.parse(json);
    }

    @Test
    void toolUse_withTextBeforeAndAfter() {
        ParsedOutput out = ToolCallParser.parse(
                "Let me look.\n<tool_use>\n{\"name\": \"Read\", \"input\": {\"path\": \"a.txt\"}}\n</tool_use>\nDone.");
        assertThat(out.textBefore()).isEqualTo("Let me look.");
        assertThat(out.calls()).containsExactly(new ToolCall("Read", obj("{\"path\":\"a.txt\"}")));
    }

    @Test
    void functionCalls_objectAndArray_withInputOrParameters() {
        assertThat(ToolCallParser.parse("<function_calls>{\"name\":\"a\",\"parameters\":{\"x\":1}}</function_calls>").calls())
                .containsExactly(new ToolCall("a", obj("{\"x\":1}")));
        ParsedOutput out = ToolCallParser.parse("hi <function_calls>[{\"name\":\"a\",\"input\":{}},"
                + "{\"name\":\"b\",\"parameters\":{\"y\":[1,2]}}]</function_calls>");
        assertThat(out.textBefore()).isEqualTo("hi");
        assertThat(out.calls()).extracting(ToolCall::name).containsExactly("a", "b");
    }

    @Test
    void invoke_parametersParsedAsJsonOrKeptAsString() {
        ParsedOutput out = ToolCallParser.parse("Sure.\n<function_calls>\n<invoke name=\"Bash\">\n"
                + "<parameter name=\"command\">ls -la</parameter>\n<parameter name=\"timeout\">30</parameter>\n"
                + "<parameter name=\"opts\">{\"a\": [true, null]}</parameter>\n</invoke>\n</function_calls>");
        assertThat(out.textBefore()).isEqualTo("Sure.");
        assertThat(out.calls()).containsExactly(
                new ToolCall("Bash", obj("{\"command\":\"ls -la\",\"timeout\":30,\"opts\":{\"a\":[true,null]}}")));
    }

    @Test
    void toolCallLine_format() {
        ParsedOutput out = ToolCallParser.parse("ok [Tool call: Grep\nInput: {\"q\": \"x]\", \"n\": {\"m\": 1}}] after");
        assertThat(out.textBefore()).isEqualTo("ok");
        assertThat(out.calls()).containsExactly(new ToolCall("Grep", obj("{\"q\":\"x]\",\"n\":{\"m\":1}}")));
    }

    @Test
    void earlierFormatWins_laterFormatsIgnored() {
        String text = "[Tool call: d\nInput: {}] <invoke name=\"c\"></invoke> "
                + "<function_calls>{\"name\":\"b\",\"input\":{}}</function_calls> <tool_use>{\"name\":\"a\",\"input\":{}}</tool_use>";
        assertThat(ToolCallParser.parse(text).calls()).extracting(ToolCall::name).containsExactly("a");
        assertThat(ToolCallParser.parse(text.replace("<tool_use>", "<x>")).calls()).extracting(ToolCall::name).containsExactly("b");
    }

    @Test
    void malformedBlocksSkipped_goodOnesKept() {
        String text = "<tool_use>{not json}</tool_use><tool_use>{\"input\":{}}</tool_use>"
                + "<tool_use>{\"name\":\"\",\"input\":{}}</tool_use><tool_use>{\"name\":\"x\",\"input\":[1]}</tool_use>"
                + "<tool_use>{\"name\":\"good\",\"input\":{\"k\":\"v\"}}</tool_use>";
        ParsedOutput out = ToolCallParser.parse(text);
        assertThat(out.calls()).containsExactly(new ToolCall("good", obj("{\"k\":\"v\"}")));
        assertThat(out.textBefore()).isEqualTo(text.substring(0, text.lastIndexOf("<tool_use>")));
    }

    @Test
    void rawNewlinesAndTabsInsideStrings() {
        ParsedOutput out = ToolCallParser.parse("<tool_use>{\"name\":\"Write\",\"input\":{\"content\":\"line1\n\tline2\r\n\"}}</tool_use>");
        assertThat(out.calls()).containsExactly(new ToolCall("Write", obj("{\"content\":\"line1\\n\\tline2\\r\\n\"}")));
    }

    @Test
    void nestedBraces_andBracesInsideStrings() {
        ParsedOutput out = ToolCallParser.parse("<tool_use>{\"name\":\"E\",\"input\":{\"a\":{\"b\":{\"c\":\"}{][\"}}}}</tool_use>");
        assertThat(out.calls()).containsExactly(new ToolCall("E", obj("{\"a\":{\"b\":{\"c\":\"}{][\"}}}")));
    }

    @Test
    void severalCalls_inOrder() {
        String call = "<tool_use>{\"name\":\"%s\",\"input\":{}}</tool_use>";
        ParsedOutput out = ToolCallParser.parse("a " + call.formatted("one") + " b " + call.formatted("two") + "\n" + call.formatted("three"));
        assertThat(out.textBefore()).isEqualTo("a");
        assertThat(out.calls()).extracting(ToolCall::name).containsExactly("one", "two", "three");
    }

    @Test
    void codeFencesAroundJson() {
        assertThat(ToolCallParser.parse("<tool_use>\n```json\n{\"name\":\"f\",\"input\":{\"x\":1}}\n```\n</tool_use>").calls())
                .containsExactly(new ToolCall("f", obj("{\"x\":1}")));
        assertThat(ToolCallParser.parse("<function_calls>```\n[{\"name\":\"g\",\"parameters\":{}}]```</function_calls>").calls())
                .extracting(ToolCall::name).containsExactly("g");
        assertThat(ToolCallParser.parse("[Tool call: h\nInput: ```json\n{\"y\":2}\n```]").calls())
                .containsExactly(new ToolCall("h", obj("{\"y\":2}")));
    }

    @Test
    void unicodeEverywhere() {
        ParsedOutput out = ToolCallParser.parse("Voilà 中文 😀 <tool_use>{\"name\":\"ask\",\"input\":{\"q\":\"é中😀\\u00e9\"}}</tool_use>");
        assertThat(out.textBefore()).isEqualTo("Voilà 中文 😀");
        assertThat(out.calls()).containsExactly(new ToolCall("ask", obj("{\"q\":\"é中😀é\"}")));
    }

    @Test
    void unterminatedBlockAtEnd_skipped() {
        ParsedOutput out = ToolCallParser.parse("x <tool_use>{\"name\":\"a\",\"input\":{}}</tool_use> <tool_use>{\"name\":\"b\",\"inp");
        assertThat(out.calls()).extracting(ToolCall::name).containsExactly("a");
        ParsedOutput only = ToolCallParser.parse("hello <tool_use>{\"name\":\"b\",\"input\":{}}");
        assertThat(only.calls()).isEmpty();
        assertThat(only.textBefore()).isEqualTo("hello <tool_use>{\"name\":\"b\",\"input\":{}}");
    }

    @Test
    void strayMarkerBeforeGoodBlock_recovered() {
        ParsedOutput out = ToolCallParser.parse("I will use <tool_use> now: <tool_use>{\"name\":\"a\",\"input\":{}}</tool_use>");
        assertThat(out.calls()).extracting(ToolCall::name).containsExactly("a");
        assertThat(out.textBefore()).isEqualTo("I will use <tool_use> now:");
    }

    @Test
    void emptyAndNullAndPlainText() {
        assertThat(ToolCallParser.parse("")).isEqualTo(new ParsedOutput("", List.of()));
        assertThat(ToolCallParser.parse(null)).isEqualTo(new ParsedOutput("", List.of()));
        assertThat(ToolCallParser.parse("  just text \n")).isEqualTo(new ParsedOutput("just text", List.of()));
    }

    @Test
    void longAdversarialInputs_findNothing_andDoNotHang() {
        String[] inputs = {"<tool_use>".repeat(20_000) + "</tool_use>", "{".repeat(100_000), "[Tool call: a\nInput: {".repeat(5_000),
                "<invoke name=\"a\"><parameter".repeat(5_000) + "</invoke>", "\"".repeat(100_000)};
        // a guard against runaway scanning (they take about half a second), not a speed target
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String in : inputs) {
                assertThat(ToolCallParser.parse(in).calls()).isEmpty();
            }
        });
    }
}
