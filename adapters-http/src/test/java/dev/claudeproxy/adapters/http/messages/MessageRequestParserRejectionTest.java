package dev.claudeproxy.adapters.http.messages;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.message.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed request is an {@link InvalidRequestException} whose message starts with the field's path. */
class MessageRequestParserRejectionTest {

    private static final String OK_MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                                  | Request body must be valid JSON",
            "{                                   | Request body must be valid JSON",
            "{} {}                               | Request body must be valid JSON",
            "[1]                                 | Request body must be a JSON object",
            "\"text\"                            | Request body must be a JSON object",
            "{}                                  | messages: is required",
            "{\"messages\":{}}                   | messages: must be an array",
            "{\"messages\":\"hi\"}               | messages: must be an array",
            "{\"messages\":[]}                   | messages: must contain at least one message",
            "{\"messages\":[1]}                  | messages.0: must be an object",
            "{\"messages\":[{\"content\":\"x\"}]}| messages.0.role: must be \"user\" or \"assistant\"",
            "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]} | messages.0.role: must be",
            "{\"messages\":[{\"role\":7,\"content\":\"x\"}]}          | messages.0.role: must be",
            "{\"messages\":[{\"role\":\"user\"}]}                     | messages.0.content: must be a string or an array",
            "{\"messages\":[{\"role\":\"user\",\"content\":5}]}       | messages.0.content: must be a string or an array",
            "{\"messages\":[{\"role\":\"user\",\"content\":{}}]}      | messages.0.content: must be a string or an array",
            "{\"messages\":[{\"role\":\"user\",\"content\":[]}]}      | messages.0.content: must not be empty",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}  | messages.0.content: the last message must contain text or an image",
            "{\"messages\":[{\"role\":\"user\",\"content\":[]},{\"role\":\"user\",\"content\":\"x\"}]} | messages.0.content: must not be empty",
    })
    void bodyAndMessages(String body, String expectedStart) {
        assertRejected(body, expectedStart);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[\"x\"]                                        | messages.1.content.0: must be an object",
            "[{}]                                           | messages.1.content.0.type: is required",
            "[{\"type\":\"document\"}]                      | messages.1.content.0.type: unsupported content block type \"document\"",
            "[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\"}] | messages.1.content.1.text: is required",
            "[{\"type\":\"text\",\"text\":3}]               | messages.1.content.0.text: must be a string",
            "[{\"type\":\"image\"}]                         | messages.1.content.0.data: is required",
            "[{\"type\":\"image\",\"data\":\"A\"}]          | messages.1.content.0.mimeType: is required",
            "[{\"type\":\"image\",\"source\":\"x\"}]        | messages.1.content.0.source: must be an object",
            "[{\"type\":\"image\",\"source\":{\"type\":\"file\"}}]  | messages.1.content.0.source.type: must be \"base64\" or \"url\"",
            "[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"data\":\"A\"}}] | messages.1.content.0.source.media_type: is required",
            "[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"\"}}] | messages.1.content.0.source: image data is required",
            "[{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\" \"}}] | messages.1.content.0.source: image url is required",
            "[{\"type\":\"tool_use\",\"id\":\"t\"}]         | messages.1.content.0.name: is required",
            "[{\"type\":\"tool_use\",\"name\":\" \"}]       | messages.1.content.0: tool_use name is required",
            "[{\"type\":\"tool_use\",\"name\":\"f\",\"input\":[1]}] | messages.1.content.0.input: must be an object",
            "[{\"type\":\"tool_result\",\"content\":7}]     | messages.1.content.0.content: must be a string or an array",
            "[{\"type\":\"tool_result\",\"content\":[{\"type\":\"tool_use\"}]}] | messages.1.content.0.content.0.type: must be \"text\" or \"image\"",
            "[{\"type\":\"tool_result\",\"is_error\":\"yes\"}] | messages.1.content.0.is_error: must be a boolean",
            "[{\"type\":\"thinking\",\"thinking\":1}]       | messages.1.content.0.thinking: must be a string",
    })
    void contentBlocks(String content, String expectedStart) {
        assertRejected("{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":"
                + content + "}]}", expectedStart);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"model\":5                                    | model: must be a string",
            "\"model\":\"  \"                               | model: must be a non-empty string",
            "\"stream\":\"true\"                            | stream: must be a boolean",
            "\"max_tokens\":\"100\"                         | max_tokens: must be an integer",
            "\"max_tokens\":1.5                             | max_tokens: must be an integer",
            "\"max_tokens\":99999999999                     | max_tokens: must be an integer",
            "\"system\":5                                   | system: must be a string or an array of text blocks",
            "\"system\":{\"text\":\"x\"}                    | system: must be a string or an array of text blocks",
            "\"system\":[\"x\"]                             | system.0: must be an object",
            "\"system\":[{\"type\":\"image\"}]              | system.0.type: must be \"text\"",
            "\"system\":[{\"type\":\"text\",\"text\":1}]    | system.0.text: must be a string",
            "\"tools\":{}                                   | tools: must be an array",
            "\"tools\":[1]                                  | tools.0: must be an object",
            "\"tools\":[{\"description\":\"d\"}]            | tools.0.name: is required",
            "\"tools\":[{\"name\":\"\"}]                    | tools.0: tool name is required",
            "\"tools\":[{\"name\":\"f\",\"description\":1}] | tools.0.description: must be a string",
            "\"tools\":[{\"name\":\"f\",\"input_schema\":\"s\"}] | tools.0.input_schema: must be an object",
            "\"thinking\":true                              | thinking: must be an object",
            "\"thinking\":{}                                | thinking.type: is required",
            "\"thinking\":{\"type\":\"on\"}                 | thinking.type: must be \"enabled\", \"adaptive\" or \"disabled\"",
            "\"thinking\":{\"type\":\"enabled\"}            | thinking.budget_tokens: is required when thinking is enabled",
            "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":\"1k\"} | thinking.budget_tokens: must be an integer",
            "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":-1} | thinking.budget_tokens: must not be negative",
            "\"tool_choice\":\"auto\"                     | tool_choice: must be an object",
            "\"tool_choice\":{}                           | tool_choice.type: is required",
            "\"tool_choice\":{\"type\":\"required\"}      | tool_choice.type: must be \"auto\", \"any\", \"tool\" or \"none\"",
            "\"tool_choice\":{\"type\":\"tool\"}          | tool_choice.name: is required",
            "\"tool_choice\":{\"type\":\"tool\",\"name\":\"f\"} | tool_choice: names the tool \"f\", which is not among the request's tools",
            "\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":1} | tool_choice.disable_parallel_tool_use: must be a boolean",
    })
    void topLevelFields(String field, String expectedStart) {
        assertRejected("{" + field + "," + OK_MESSAGES + "}", expectedStart);
    }

    private static void assertRejected(String body, String expectedStart) {
        assertThatThrownBy(() -> MessageRequestParserTest.parse(body))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .message().startsWith(expectedStart);
    }
}
