package dev.claudeproxy.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void aToolDefinitionWithoutAName_isAnInvalidRequest(String name) {
        assertThatThrownBy(() -> new ToolDefinition(name, "d", JsonValue.JsonObject.empty()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tool name");
    }

    @Test
    void aToolDefinitionWithoutDescriptionOrSchema_getsEmptyOnes() {
        ToolDefinition tool = new ToolDefinition("get_weather", null, null);

        assertThat(tool.description()).isEmpty();
        assertThat(tool.inputSchema()).isEqualTo(JsonValue.JsonObject.empty());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aToolUseWithoutAName_isAnInvalidRequest(String name) {
        assertThatThrownBy(() -> new ContentBlock.ToolUse("toolu_1", name, null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tool_use name");
    }

    @Test
    void aToolUseWithoutIdOrInput_getsAnEmptyIdAndAnEmptyObject() {
        ContentBlock.ToolUse use = new ContentBlock.ToolUse(null, "search", null);

        assertThat(use.id()).isEmpty();
        assertThat(use.input()).isEqualTo(JsonValue.JsonObject.empty());
    }

    @Test
    void aToolResultWithoutId_getsAnEmptyId_andItsContentIsACopy() {
        List<ContentBlock> content = new ArrayList<>(List.of(new ContentBlock.Text("ok")));
        ContentBlock.ToolResult result = new ContentBlock.ToolResult(null, content, false);
        content.add(new ContentBlock.Text("later"));

        assertThat(result.toolUseId()).isEmpty();
        assertThat(result.content()).containsExactly(new ContentBlock.Text("ok"));
    }

    @Test
    void aThinkingBlockWithoutTextOrSignature_getsEmptyStrings() {
        assertThat(new ContentBlock.Thinking(null, null)).isEqualTo(new ContentBlock.Thinking("", ""));
    }

    @Test
    void aTextBlock_needsText() {
        assertThatThrownBy(() -> new ContentBlock.Text(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aBase64ImageWithoutData_isAnInvalidRequest(String data) {
        assertThatThrownBy(() -> new ImageSource.Base64("image/png", data))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("image data");
    }

    @Test
    void aBase64ImageWithWhitespaceOnlyData_isAnInvalidRequest() {
        assertThatThrownBy(() -> new ImageSource.Base64("image/png", "   "))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("image data");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aBase64ImageWithoutMediaType_isAnInvalidRequest(String mediaType) {
        assertThatThrownBy(() -> new ImageSource.Base64(mediaType, "iVBORw0KGgo="))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("media_type");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void anImageUrlThatIsBlank_isAnInvalidRequest(String url) {
        assertThatThrownBy(() -> new ImageSource.Url(url))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("image url");
    }

    @Test
    void theWireRoleNames_parse() {
        assertThat(Role.fromWire("user")).isEqualTo(Role.USER);
        assertThat(Role.fromWire("assistant")).isEqualTo(Role.ASSISTANT);
        assertThat(Role.USER.wireName()).isEqualTo("user");
        assertThat(Role.ASSISTANT.wireName()).isEqualTo("assistant");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"system", "tool", "User", "ASSISTANT", " user"})
    void anyOtherRole_isAnInvalidRequestNamingWhatCame(String name) {
        assertThatThrownBy(() -> Role.fromWire(name))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("role must be \"user\" or \"assistant\"")
                .hasMessageContaining("\"" + name + "\"");
    }

    @Test
    void aNegativeThinkingBudget_isAnInvalidRequest() {
        assertThatThrownBy(() -> new ThinkingConfig.Enabled(-1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("budget_tokens");
    }

    @Test
    void onlyDisabledThinking_hidesThinkingFromTheClient() {
        assertThat(new ThinkingConfig.Enabled(1024).showsThinking()).isTrue();
        assertThat(new ThinkingConfig.Adaptive().showsThinking()).isTrue();
        assertThat(new ThinkingConfig.Disabled().showsThinking()).isFalse();
    }

    @Test
    void aMessage_needsARoleAndContent_andKnowsWhetherItHoldsImages() {
        assertThatThrownBy(() -> new Message(null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Message(Role.USER, null)).isInstanceOf(NullPointerException.class);

        Message withImage = new Message(Role.USER, List.of(new ContentBlock.Text("look"),
                new ContentBlock.Image(new ImageSource.Url("https://example.com/cat.png"))));
        assertThat(withImage.hasImages()).isTrue();
        assertThat(Message.user("hi").hasImages()).isFalse();
        assertThat(Message.assistant("hello")).isEqualTo(new Message(Role.ASSISTANT,
                List.of(new ContentBlock.Text("hello"))));
    }
}
