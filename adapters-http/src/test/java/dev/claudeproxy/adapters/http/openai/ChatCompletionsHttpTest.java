package dev.claudeproxy.adapters.http.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.TestProxy;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.model.ModelCatalog;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-streamed chat completions over HTTP: the request reaches the use case, the reply comes back in OpenAI's shape. */
class ChatCompletionsHttpTest {

    static final String HELLO = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private TestProxy proxy;

    @BeforeEach
    void start() {
        proxy = new TestProxy();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/chat/completions"})
    void aTextReply_isAChatCompletion_withTheModelAsked_andUsage(String path) {
        proxy.createMessage.replies(new AssistantReply("msg_1", "claude-sonnet-4-5", List.of(
                new ContentBlock.Thinking("hmm", "sig"), new ContentBlock.Text("Hello"), new ContentBlock.Text(" there")),
                StopReason.END_TURN, new Usage(10, 5, 2, 3)));
        long before = Instant.now().getEpochSecond();

        HttpResponse<String> res = proxy.post(path, HELLO);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(res.headers().firstValue("request-id").orElseThrow()).startsWith("req_");
        JsonNode json = TestProxy.json(res);
        assertThat(json.get("id").asText()).matches("chatcmpl-[0-9A-Za-z]{24}");
        assertThat(json.get("created").asLong()).isBetween(before, Instant.now().getEpochSecond());
        assertThat(json.get("model").asText()).isEqualTo("gpt-4o");
        assertThat(json.get("object").asText()).isEqualTo("chat.completion");
        assertThat(json.get("choices").toString()).isEqualTo("[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Hello there\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}]");
        assertThat(json.get("usage").toString()).isEqualTo("{\"prompt_tokens\":15,\"completion_tokens\":5,"
                + "\"total_tokens\":20,\"prompt_tokens_details\":{\"cached_tokens\":3}}");
        assertThat(proxy.createMessage.commands.getFirst().model()).isEqualTo("gpt-4o");
    }

    @Test
    void aToolUseReply_hasToolCallsWithArgumentsAsAJsonString_nullContent_andFinishReasonToolCalls() {
        proxy.createMessage.replies(new AssistantReply("msg_1", "m", List.of(new ContentBlock.ToolUse("toolu_1",
                "get_weather", JsonParser.parse("{\"city\":\"Paris\",\"days\":2}"))), StopReason.TOOL_USE, Usage.of(1, 2)));

        JsonNode choice = TestProxy.json(proxy.post("/v1/chat/completions", HELLO)).at("/choices/0");

        assertThat(choice.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.at("/message/content").isNull()).isTrue();
        assertThat(choice.at("/message/tool_calls").toString()).isEqualTo("[{\"id\":\"toolu_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\",\\\"days\\\":2}\"}}]");
    }

    @ParameterizedTest
    @CsvSource({"END_TURN, stop", "STOP_SEQUENCE, stop", "MAX_TOKENS, length", "TOOL_USE, tool_calls",
            "REFUSAL, content_filter", "PAUSE_TURN, stop"})
    void eachStopReason_hasItsFinishReason(StopReason reason, String finish) {
        proxy.createMessage.replies(new AssistantReply("msg_1", "m", List.of(new ContentBlock.Text("x")), reason,
                Usage.ZERO));

        assertThat(TestProxy.json(proxy.post("/v1/chat/completions", HELLO)).at("/choices/0/finish_reason").asText())
                .isEqualTo(finish);
    }

    @Test
    void theRequest_reachesTheSameUseCase_asACommand() {
        proxy.createMessage.replies(new AssistantReply("msg_1", "m", List.of(new ContentBlock.Text("x")),
                StopReason.END_TURN, Usage.ZERO));

        proxy.post("/v1/chat/completions", "{\"model\":\"claude-opus-4\",\"messages\":[{\"role\":\"system\","
                + "\"content\":\"Sys\"},{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"data:image/jpeg;base64,/9j/\"}},{\"type\":\"text\",\"text\":\"What?\"}]}]}");

        var command = proxy.createMessage.commands.getFirst();
        assertThat(command.system()).isEqualTo("Sys");
        assertThat(command.model()).isEqualTo("claude-opus-4");
        assertThat(command.messages().getFirst().content()).containsExactly(
                new ContentBlock.Image(new ImageSource.Base64("image/jpeg", "/9j/")), new ContentBlock.Text("What?"));
    }

    @Test
    void chatModels_isAnOpenAiModelList() {
        HttpResponse<String> res = proxy.get("/v1/chat/models");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode json = TestProxy.json(res);
        assertThat(json.get("object").asText()).isEqualTo("list");
        assertThat(json.get("data")).hasSize(ModelCatalog.all().size());
        var first = ModelCatalog.all().getFirst();
        assertThat(json.at("/data/0").toString()).isEqualTo("{\"id\":\"" + first.id() + "\",\"object\":\"model\","
                + "\"created\":" + first.createdAt().getEpochSecond() + ",\"owned_by\":\"anthropic\"}");
    }
}
