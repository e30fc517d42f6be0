package dev.claudeproxy.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolsSectionTest {

    @Test
    void noTools_giveNoSection() {
        assertThat(ToolsSection.render(List.of())).isEmpty();
    }

    @Test
    void eachTool_isListedAsJsonWithNameDescriptionAndSchema() {
        String section = ToolsSection.render(List.of(
                new ToolDefinition("get_weather", "Weather \"now\"", JsonParser.parse("{\"type\":\"object\"}")),
                new ToolDefinition("now", null, null)));

        assertThat(section).contains(
                "{\"name\":\"get_weather\",\"description\":\"Weather \\\"now\\\"\",\"input_schema\":{\"type\":\"object\"}}\n",
                "{\"name\":\"now\",\"description\":\"\",\"input_schema\":{}}\n");
    }

    @Test
    void theSection_teachesTheToolUseCallFormat() {
        String section = ToolsSection.render(List.of(new ToolDefinition("t", "d", null)));

        assertThat(section).startsWith("\n\n")
                .contains("<tool_use>\n{\"name\": \"TOOL_NAME\", \"input\": {...}}\n</tool_use>")
                .contains("[Tool Result (id: ...)]");
    }
}
