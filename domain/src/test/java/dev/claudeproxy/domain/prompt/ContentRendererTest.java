package dev.claudeproxy.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentRendererTest {

    @Test
    void aTextBlock_isRenderedAsIs() {
        assertThat(ContentRenderer.render(new ContentBlock.Text("Hello\n  world"))).isEqualTo("Hello\n  world");
    }

    @Test
    void anImage_isRenderedAsAnAttachmentNote_whateverItsSource() {
        assertThat(ContentRenderer.render(new ContentBlock.Image(new ImageSource.Base64("image/png", "iVBOR"))))
                .isEqualTo("[Image attached]");
        assertThat(ContentRenderer.render(new ContentBlock.Image(new ImageSource.Url("https://x.test/a.png"))))
                .isEqualTo("[Image attached]");
    }

    @Test
    void aToolUse_isRenderedAsATaggedJsonCall() {
        ContentBlock.ToolUse use = new ContentBlock.ToolUse("toolu_1", "get_weather",
                JsonParser.parse("{\"city\": \"Paris\", \"days\": 3}"));

        assertThat(ContentRenderer.render(use)).isEqualTo(
                "<tool_use>\n{\"name\": \"get_weather\", \"input\": {\"city\":\"Paris\",\"days\":3}}\n</tool_use>");
    }

    @Test
    void aToolUseWithoutInput_rendersAnEmptyInputObject() {
        assertThat(ContentRenderer.render(new ContentBlock.ToolUse("toolu_1", "now", null)))
                .isEqualTo("<tool_use>\n{\"name\": \"now\", \"input\": {}}\n</tool_use>");
    }

    @Test
    void aToolNameWithQuotes_isEscapedSoTheCallStaysValidJson() {
        String rendered = ContentRenderer.render(new ContentBlock.ToolUse("t", "say \"hi\"", null));

        assertThat(rendered).contains("{\"name\": \"say \\\"hi\\\"\", \"input\": {}}");
        String json = rendered.substring("<tool_use>\n".length(), rendered.length() - "\n</tool_use>".length());
        assertThat(JsonParser.parse(json)).isNotNull();
    }

    @Test
    void aToolResult_isRenderedBetweenResultMarkersWithItsId() {
        ContentBlock.ToolResult result = new ContentBlock.ToolResult("toolu_1",
                List.of(new ContentBlock.Text("Sunny, 21°C")), false);

        assertThat(ContentRenderer.render(result)).isEqualTo("[Tool Result (id: toolu_1)]\nSunny, 21°C\n[/Tool Result]");
    }

    @Test
    void aToolResultWithSeveralBlocks_joinsThemWithNewlines() {
        ContentBlock.ToolResult result = new ContentBlock.ToolResult("toolu_2",
                List.of(new ContentBlock.Text("line one"), new ContentBlock.Text("line two")), true);

        assertThat(ContentRenderer.render(result))
                .isEqualTo("[Tool Result (id: toolu_2)]\nline one\nline two\n[/Tool Result]");
    }

    @Test
    void anEmptyToolResult_keepsItsMarkers() {
        assertThat(ContentRenderer.render(new ContentBlock.ToolResult("toolu_3", List.of(), false)))
                .isEqualTo("[Tool Result (id: toolu_3)]\n\n[/Tool Result]");
    }

    @Test
    void aToolResultOfExactly4000Chars_isNotCut() {
        String content = "x".repeat(4000);

        assertThat(ContentRenderer.render(toolResult(content)))
                .isEqualTo("[Tool Result (id: toolu_9)]\n" + content + "\n[/Tool Result]");
    }

    @Test
    void aToolResultOver4000Chars_isCutWithATruncationNote() {
        String content = "a".repeat(4000) + "b".repeat(6000);

        assertThat(ContentRenderer.render(toolResult(content))).isEqualTo("[Tool Result (id: toolu_9)]\n"
                + "a".repeat(4000) + "\n...[truncated 6000 chars]\n[/Tool Result]");
    }

    @Test
    void aToolResultOneCharOver_isCutByOneChar() {
        assertThat(ContentRenderer.render(toolResult("y".repeat(4001))))
                .endsWith("y\n...[truncated 1 chars]\n[/Tool Result]")
                .doesNotContain("y".repeat(4001));
    }

    @Test
    void aThinkingBlock_rendersAsNothing_andLeavesNoBlankLineInAList() {
        assertThat(ContentRenderer.render(new ContentBlock.Thinking("hmm", "sig"))).isEmpty();
        assertThat(ContentRenderer.render(List.of(new ContentBlock.Text("before"),
                new ContentBlock.Thinking("hmm", "sig"), new ContentBlock.Text("after"))))
                .isEqualTo("before\nafter");
    }

    @Test
    void aListOfBlocks_isJoinedWithNewlines() {
        assertThat(ContentRenderer.render(List.of(new ContentBlock.Text("Look:"),
                new ContentBlock.Image(new ImageSource.Url("https://x.test/a.png")),
                new ContentBlock.ToolUse("t", "zoom", null))))
                .isEqualTo("Look:\n[Image attached]\n<tool_use>\n{\"name\": \"zoom\", \"input\": {}}\n</tool_use>");
    }

    private static ContentBlock.ToolResult toolResult(String content) {
        return new ContentBlock.ToolResult("toolu_9", List.of(new ContentBlock.Text(content)), false);
    }
}
