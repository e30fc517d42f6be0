package dev.claudeproxy.adapters.http.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The happy paths of reading a Messages request; the rejections are in {@link MessageRequestParserRejectionTest}. */
class MessageRequestParserTest {

    static MessageRequest parse(String json) {
        return MessageRequestParser.parse(json.getBytes(StandardCharsets.UTF_8), "req_1");
    }

    static CreateMessageCommand command(String json) {
        return parse(json).command();
    }

    @Test
    void minimalRequest_usesDefaultsAndTheGivenRequestId() {
        MessageRequest request = parse("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(request.stream()).isFalse();
        assertThat(request.command()).isEqualTo(new CreateMessageCommand("req_1", "claude-sonnet-5-5", "",
                List.of(Message.user("hi")), List.of(), Optional.empty()));
    }

    @Test
    void modelStreamAndMaxTokens_areRead() {
        MessageRequest request = parse("{\"model\":\"claude-opus-4-6\",\"stream\":true,\"max_tokens\":1024,"
                + "\"temperature\":0.2,\"metadata\":{\"user_id\":\"u\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(request.stream()).isTrue();
        assertThat(request.command().model()).isEqualTo("claude-opus-4-6");
    }

    @Test
    void nullOptionalFields_countAsAbsent() {
        MessageRequest request = parse("{\"model\":null,\"stream\":null,\"system\":null,\"tools\":null,"
                + "\"thinking\":null,\"max_tokens\":null,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(request.stream()).isFalse();
        assertThat(request.command().model()).isEqualTo(MessageRequestParser.DEFAULT_MODEL);
        assertThat(request.command().thinking()).isEmpty();
    }

    @Test
    void systemAsString_isKept() {
        assertThat(command("{\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .system()).isEqualTo("Be brief.");
    }

    @Test
    void systemAsTextBlocks_isJoinedWithNewlines() {
        assertThat(command("{\"system\":[{\"type\":\"text\",\"text\":\"One.\"},{\"type\":\"text\",\"text\":\"Two.\","
                + "\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .system()).isEqualTo("One.\nTwo.");
    }

    @Test
    void conversation_keepsRolesAndBlocksInOrder() {
        CreateMessageCommand c = command("{\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"c\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"d\"}]}]}");
        assertThat(c.messages()).containsExactly(
                new Message(Role.USER, List.of(new ContentBlock.Text("a"), new ContentBlock.Text("b"))),
                Message.assistant("c"),
                Message.user("d"));
    }

    @Test
    void anthropicImageSources_becomeBase64AndUrlImages() {
        CreateMessageCommand c = command("{\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBO\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x.test/a.png\"}}]}]}");
        assertThat(c.messages().getFirst().content()).containsExactly(
                new ContentBlock.Image(new ImageSource.Base64("image/png", "iVBO")),
                new ContentBlock.Image(new ImageSource.Url("https://x.test/a.png")));
    }

    @Test
    void openclawImageShapes_areAccepted() {
        CreateMessageCommand c = command("{\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"data\":\"AAA\",\"mimeType\":\"image/jpeg\"},"
                + "{\"type\":\"image\",\"data\":\"BBB\",\"media_type\":\"image/gif\"}]}]}");
        assertThat(c.messages().getFirst().content()).containsExactly(
                new ContentBlock.Image(new ImageSource.Base64("image/jpeg", "AAA")),
                new ContentBlock.Image(new ImageSource.Base64("image/gif", "BBB")));
    }

    @Test
    void toolUseAndToolResult_areRead() {
        CreateMessageCommand c = command("{\"messages\":["
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"Paris\",\"days\":2.50,\"tags\":[true,null]}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"sunny\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"is_error\":true,\"content\":["
                + "{\"type\":\"text\",\"text\":\"boom\"},{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"u\"}}]},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_3\"}]}]}");
        assertThat(c.messages().get(0).content()).containsExactly(new ContentBlock.ToolUse("toolu_1", "get_weather",
                JsonParser.parse("{\"city\":\"Paris\",\"days\":2.50,\"tags\":[true,null]}")));
        assertThat(c.messages().get(1).content()).containsExactly(
                new ContentBlock.ToolResult("toolu_1", List.of(new ContentBlock.Text("sunny")), false),
                new ContentBlock.ToolResult("toolu_2", List.of(new ContentBlock.Text("boom"),
                        new ContentBlock.Image(new ImageSource.Url("u"))), true),
                new ContentBlock.ToolResult("toolu_3", List.of(), false));
    }

    @Test
    void thinkingBlocks_areKeptAndRedactedOnesDropped() {
        CreateMessageCommand c = command("{\"messages\":[{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"sig\"},"
                + "{\"type\":\"redacted_thinking\",\"data\":\"xyz\"},{\"type\":\"text\",\"text\":\"ok\"}]}]}");
        assertThat(c.messages().getFirst().content()).containsExactly(
                new ContentBlock.Thinking("hmm", "sig"), new ContentBlock.Text("ok"));
    }

    @Test
    void tools_areConvertedWithTheirSchemas() {
        CreateMessageCommand c = command("{\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]}},{\"name\":\"noop\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(c.tools()).containsExactly(
                new ToolDefinition("get_weather", "Weather", JsonParser.parse(
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")),
                new ToolDefinition("noop", "", null));
    }

    @Test
    void toolChoices_areRead() {
        String rest = ",\"tools\":[{\"name\":\"f\"}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        assertThat(command("{\"tool_choice\":{\"type\":\"auto\"}" + rest).toolChoice()).isEqualTo(new ToolChoice.Auto());
        assertThat(command("{\"tool_choice\":{\"type\":\"any\",\"disable_parallel_tool_use\":true}" + rest)
                .toolChoice()).isEqualTo(new ToolChoice.Any());
        assertThat(command("{\"tool_choice\":{\"type\":\"none\"}" + rest).toolChoice()).isEqualTo(new ToolChoice.None());
        assertThat(command("{\"tool_choice\":{\"type\":\"tool\",\"name\":\"f\"}" + rest).toolChoice())
                .isEqualTo(new ToolChoice.Named("f"));
        assertThat(command("{" + rest.substring(1)).toolChoice()).isEqualTo(new ToolChoice.Auto());
    }

    @Test
    void thinkingConfigs_areRead() {
        String messages = ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        assertThat(command("{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}" + messages).thinking())
                .contains(new ThinkingConfig.Enabled(2048));
        assertThat(command("{\"thinking\":{\"type\":\"adaptive\"}" + messages).thinking())
                .contains(new ThinkingConfig.Adaptive());
        assertThat(command("{\"thinking\":{\"type\":\"disabled\"}" + messages).thinking())
                .contains(new ThinkingConfig.Disabled());
    }

    @Test
    void absurdlyDeepNesting_isRejectedAsInvalidJsonNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> parse("{\"tools\":[{\"name\":\"f\",\"input_schema\":{\"x\":" + deep + "}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("Request body must be valid JSON");
    }
}
