package dev.claudeproxy.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonParser;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.message.ToolOffer;
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

    private static final List<ToolDefinition> TWO = List.of(new ToolDefinition("a", "first", null),
            new ToolDefinition("b", "second", null));

    @Test
    void choiceNone_offersNoTools() {
        assertThat(ToolsSection.render(new ToolOffer(TWO, new ToolChoice.None()))).isEmpty();
        assertThat(new ToolOffer(TWO, new ToolChoice.None()).active()).isFalse();
    }

    @Test
    void choiceAuto_addsNoObligation() {
        assertThat(ToolsSection.render(new ToolOffer(TWO, new ToolChoice.Auto()))).doesNotContain("must call");
    }

    @Test
    void choiceAny_obligesSomeCall() {
        assertThat(ToolsSection.render(new ToolOffer(TWO, new ToolChoice.Any())))
                .endsWith("In this answer you must call at least one of these tools.");
    }

    @Test
    void aNamedChoice_namesTheTool() {
        assertThat(ToolsSection.render(new ToolOffer(TWO, new ToolChoice.Named("b"))))
                .contains("\"name\":\"a\"")
                .endsWith("In this answer you must call the tool \"b\".");
    }

    @Test
    void aNamedChoice_mustNameAnOfferedTool() {
        assertThatThrownBy(() -> new ToolOffer(TWO, new ToolChoice.Named("c")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tool_choice").hasMessageContaining("\"c\"");
        assertThatThrownBy(() -> new ToolChoice.Named(" ")).isInstanceOf(InvalidRequestException.class);
    }
}
