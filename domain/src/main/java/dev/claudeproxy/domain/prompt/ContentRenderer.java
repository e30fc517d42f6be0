package dev.claudeproxy.domain.prompt;

import dev.claudeproxy.domain.json.JsonWriter;
import dev.claudeproxy.domain.message.ContentBlock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Serialises content blocks to the plain text the CLI sees (SPEC §4). */
public final class ContentRenderer {

    /** Tool results longer than this are cut. */
    public static final int TOOL_RESULT_LIMIT = 4000;

    private ContentRenderer() {
    }

    public static String render(List<ContentBlock> blocks) {
        return blocks.stream()
                .map(ContentRenderer::render)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    public static String render(ContentBlock block) {
        return switch (block) {
            case ContentBlock.Text t -> t.text();
            case ContentBlock.Image ignored -> "[Image attached]";
            case ContentBlock.ToolUse u -> "<tool_use>\n{\"name\": " + JsonWriter.quote(u.name())
                    + ", \"input\": " + u.input().toJson() + "}\n</tool_use>";
            case ContentBlock.ToolResult r -> "[Tool Result (id: " + r.toolUseId() + ")]\n"
                    + truncate(toolResultText(r)) + "\n[/Tool Result]";
            case ContentBlock.Thinking ignored -> "";
        };
    }

    private static String toolResultText(ContentBlock.ToolResult r) {
        return r.content().stream()
                .map(ContentRenderer::render)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }

    static String truncate(String content) {
        if (content.length() <= TOOL_RESULT_LIMIT) {
            return content;
        }
        return content.substring(0, TOOL_RESULT_LIMIT)
                + "\n...[truncated " + (content.length() - TOOL_RESULT_LIMIT) + " chars]";
    }
}
