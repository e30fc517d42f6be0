package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official OpenAI Java SDK against our running server's Chat Completions routes, with the scripted fake CLI. */
class OpenAiSdkScriptedCliTest {

    static final String PNG = AnthropicSdkScriptedCliTest.PNG;

    @TempDir
    Path dir;

    private RunningProxy proxy;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        proxy = RunningProxy.withScriptedCli(dir, Map.of());
        client = proxy.openAi();
    }

    @AfterEach
    void stop() {
        client.close();
        proxy.close();
    }

    private static ChatCompletionCreateParams.Builder hello() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Say hello");
    }

    @Test
    void aPlainChat_parsesWithTheSdk_withTheCliText_realUsage_andTheModelAsked() {
        proxy.cli().enqueue(Scenario.text("Hello", " there"));

        ChatCompletion completion = client.chat().completions().create(hello().build());

        assertThat(completion.id()).startsWith("chatcmpl-").hasSize("chatcmpl-".length() + 24);
        assertThat(completion.model()).isEqualTo("gpt-4o");
        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.message().content()).contains("Hello there");
        assertThat(choice.message().toolCalls()).isEmpty();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        var usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(17);
        assertThat(usage.completionTokens()).isPositive();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(proxy.cli().lastInvocation().argv()).contains("--model=sonnet");
    }

    @Test
    void aStreamWithUsage_parsesChunkByChunk_andAccumulatesToTheSameAnswer() {
        proxy.cli().enqueue(Scenario.text("Hello", " stream", "ing"));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<String> deltas = new ArrayList<>();
        List<ChatCompletionChunk> chunks = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(hello()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
                chunk.choices().forEach(c -> c.delta().content().filter(s -> !s.isEmpty()).ifPresent(deltas::add));
            });
        }

        assertThat(deltas).containsExactly("Hello", " stream", "ing");
        assertThat(chunks.getFirst().choices().getFirst().delta().role())
                .contains(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
        assertThat(chunks.getLast().choices()).isEmpty();
        assertThat(chunks.getLast().usage().orElseThrow().promptTokens()).isEqualTo(17);
        ChatCompletion whole = accumulator.chatCompletion();
        assertThat(whole.choices().getFirst().message().content()).contains("Hello streaming");
        assertThat(whole.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(whole.model()).isEqualTo("gpt-4o");
        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(whole.id());
    }

    @Test
    void anImagePart_reachesTheCliNatively_withTheSystemPrompt() {
        proxy.cli().enqueue(Scenario.text("A red square."));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("claude-opus-4")
                .addSystemMessage("You are terse.")
                .addUserMessageOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                                .text("What is in this picture?").build()),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                        .url("data:image/png;base64," + PNG).build()).build())))
                .build();

        ChatCompletion completion = client.chat().completions().create(params);

        assertThat(completion.choices().getFirst().message().content()).contains("A red square.");
        var run = proxy.cli().lastInvocation();
        assertThat(run.argv()).contains("--model=opus");
        assertThat(run.stdin().getFirst()).contains("You are terse.");
        assertThat(run.stdin().get(1)).contains("What is in this picture?").contains("\"type\":\"image\"")
                .contains("\"media_type\":\"image/png\"").contains(PNG);
    }

    @Test
    void assistantToolCallsAndToolResults_reachTheCliAsRenderedToolUseAndResults() {
        proxy.cli().enqueue(Scenario.text("It is 18C in Paris."));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o")
                .addUserMessage("Weather in Paris?")
                .addMessage(ChatCompletionAssistantMessageParam.builder().addToolCall(
                        ChatCompletionMessageFunctionToolCall.builder().id("call_1")
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name("get_weather").arguments("{\"city\": \"Paris\"}").build()).build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_1").content("18C, sunny").build())
                .build();

        ChatCompletion completion = client.chat().completions().create(params);

        assertThat(completion.choices().getFirst().message().content()).contains("It is 18C in Paris.");
        String stdin = String.join("\n", proxy.cli().lastInvocation().stdin());
        assertThat(stdin).contains("[User]\\nWeather in Paris?")
                .contains("<tool_use>\\n{\\\"name\\\": \\\"get_weather\\\", \\\"input\\\": {\\\"city\\\":\\\"Paris\\\"}}"
                        + "\\n</tool_use>")
                .contains("[Tool Result (id: call_1)]\\n18C, sunny\\n[/Tool Result]");
    }

    @Test
    void anOverloadedUpstream_isA503_andARateLimitedOne_a429() {
        proxy.cli().enqueue(Scenario.upstreamError(529, "overloaded", "API Error: 529 Overloaded"));
        proxy.cli().enqueue(Scenario.upstreamError(429, "rate_limit", "API Error: 429 rate limited"));
        proxy.cli().enqueue(Scenario.upstreamError(529, "overloaded", "API Error: 529 Overloaded"));

        assertThatThrownBy(() -> client.chat().completions().create(hello().build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.body().toString()).contains("server_error");
                });
        assertThatThrownBy(() -> client.chat().completions().create(hello().build()))
                .isInstanceOf(RateLimitException.class);
        assertThatThrownBy(() -> {
            try (var stream = client.chat().completions().createStreaming(hello().build())) {
                stream.stream().forEach(chunk -> { });
            }
        }).isInstanceOfSatisfying(OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void aCliCrash_isA500_withTheReason() {
        proxy.cli().enqueue(Scenario.crash(2, "the CLI fell over"));

        assertThatThrownBy(() -> client.chat().completions().create(hello().build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.body().toString()).contains("server_error").contains("the CLI fell over");
                });
    }

    @Test
    void badToolCallArguments_areA400NamingTheField_andNoCliRuns() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o")
                .addMessage(ChatCompletionAssistantMessageParam.builder().addToolCall(
                        ChatCompletionMessageFunctionToolCall.builder().id("call_1")
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name("get_weather").arguments("{city: Paris").build()).build())
                        .build())
                .addUserMessage("Go on")
                .build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.param()).contains("messages.0.tool_calls.0.function.arguments");
                    assertThat(e.type()).contains("invalid_request_error");
                });
        assertThat(proxy.cli().invocations()).isEmpty();
    }

    @Test
    void theChatModelList_parsesWithTheSdk() {
        var models = client.models().list().data();

        assertThat(models).extracting(m -> m.id()).contains("claude-opus-4-6", "claude-sonnet-4-6");
        assertThat(models).allSatisfy(m -> assertThat(m.ownedBy()).isEqualTo("anthropic"));
    }
}
