package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI Java SDK's function calling (call, tool message, answer) through our server, the real CLI and a fake API. */
class OpenAiSdkFunctionCallingFlowTest extends RealCliTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CALL = AnthropicSdkToolUseFlowTest.CALL;

    private OpenAIClient client;

    @BeforeEach
    void startClient() {
        client = proxy.openAi();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static ChatCompletionCreateParams.Builder weatherQuestion() {
        return ChatCompletionCreateParams.builder().model("claude-sonnet-4-5")
                .addSystemMessage("You are a weather bot.")
                .addFunctionTool(FunctionDefinition.builder().name("get_weather")
                        .description("Current weather in a city")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties",
                                        JsonValue.from(Map.of("city", Map.of("type", "string"))))
                                .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                                .build())
                        .build())
                .addUserMessage("Weather in Paris?");
    }

    /** The conversation so far, the assistant's message as returned, and a tool message answering its one call. */
    private static ChatCompletionCreateParams withResult(ChatCompletionMessage assistant, String result) {
        String callId = assistant.toolCalls().orElseThrow().getFirst().asFunction().id();
        return weatherQuestion().addMessage(assistant.toParam())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(callId).content(result).build())
                .build();
    }

    @Test
    void aFunctionCall_thenItsToolMessage_thenTheFinalAnswer() throws Exception {
        upstream.enqueue(UpstreamReply.text(CALL));
        upstream.enqueue(UpstreamReply.text("It is 18C and sunny in Paris."));

        ChatCompletion.Choice first = client.chat().completions().create(weatherQuestion().build())
                .choices().getFirst();

        assertThat(first.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(first.message().content()).contains("Let me check.");
        ChatCompletionMessageFunctionToolCall call = onlyCall(first.message());
        assertThat(call.id()).startsWith("toolu_");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.function().arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));

        ChatCompletion.Choice answer = client.chat().completions().create(withResult(first.message(), "18C, sunny"))
                .choices().getFirst();

        assertThat(answer.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(answer.message().content()).contains("It is 18C and sunny in Paris.");
        assertThat(answer.message().toolCalls().orElse(List.of())).isEmpty();
        assertSecondTurnCarriesTheCallAndItsResult(call.id());
    }

    @Test
    void aStreamedFunctionCall_comesAsToolCallDeltas_andItsToolMessageGetsAStreamedAnswer() throws Exception {
        upstream.enqueue(UpstreamReply.text(CALL).withEventDelay(Duration.ofMillis(20)));
        upstream.enqueue(UpstreamReply.text("It is 18C", " and sunny.").withEventDelay(Duration.ofMillis(20)));
        List<ChatCompletionChunk.Choice.Delta.ToolCall> callDeltas = new ArrayList<>();

        ChatCompletion.Choice first = stream(weatherQuestion().build(), callDeltas).choices().getFirst();

        ChatCompletionChunk.Choice.Delta.ToolCall opening = callDeltas.getFirst();
        assertThat(opening.index()).isZero();
        assertThat(opening.id()).hasValueSatisfying(id -> assertThat(id).startsWith("toolu_"));
        assertThat(opening.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::name))
                .contains("get_weather");
        assertThat(callDeltas).allSatisfy(d -> assertThat(d.index()).isZero());
        String arguments = String.join("", callDeltas.stream()
                .flatMap(d -> d.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments)
                        .stream()).toList());
        assertThat(JSON.readTree(arguments)).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        assertThat(first.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(first.message().content()).contains("Let me check.");
        ChatCompletionMessageFunctionToolCall call = onlyCall(first.message());
        assertThat(call.id()).isEqualTo(opening.id().orElseThrow());
        assertThat(call.function().arguments()).isEqualTo(arguments);

        callDeltas.clear();
        ChatCompletion.Choice answer = stream(withResult(first.message(), "18C, sunny"), callDeltas)
                .choices().getFirst();

        assertThat(callDeltas).isEmpty();
        assertThat(answer.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(answer.message().content()).contains("It is 18C and sunny.");
        assertSecondTurnCarriesTheCallAndItsResult(call.id());
    }

    @Test
    void aNamedFunctionChoice_isDemandedInTheSystemPrompt() {
        upstream.enqueue(UpstreamReply.text(CALL));

        ChatCompletion.Choice choice = client.chat().completions().create(weatherQuestion()
                .toolChoice(ChatCompletionNamedToolChoice.builder().function(
                        ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build()).build())
                .build()).choices().getFirst();

        assertThat(onlyCall(choice.message()).function().name()).isEqualTo("get_weather");
        assertThat(UpstreamText.system(upstream.requests().getLast().body()))
                .contains("In this answer you must call the tool \"get_weather\".");
    }

    @Test
    void toolChoiceNone_offersNoTools_andATagInTheAnswerStaysText() {
        upstream.enqueue(UpstreamReply.text(CALL));

        ChatCompletion.Choice choice = client.chat().completions().create(weatherQuestion()
                .toolChoice(ChatCompletionToolChoiceOption.Auto.NONE).build()).choices().getFirst();

        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(choice.message().content()).contains(String.join("", CALL));
        assertThat(choice.message().toolCalls().orElse(List.of())).isEmpty();
        assertThat(UpstreamText.system(upstream.requests().getLast().body()))
                .contains("You are a weather bot.").doesNotContain("# Tools", "get_weather");
    }

    private static ChatCompletionMessageFunctionToolCall onlyCall(ChatCompletionMessage message) {
        assertThat(message.toolCalls()).hasValueSatisfying(calls -> assertThat(calls).hasSize(1));
        return message.toolCalls().orElseThrow().getFirst().asFunction();
    }

    /** The CLI's second request holds the earlier call among the prior turns, and the tool message as the user turn. */
    private void assertSecondTurnCarriesTheCallAndItsResult(String callId) {
        JsonNode sent = upstream.requests().getLast().body();
        assertThat(UpstreamText.system(sent)).contains("You are a weather bot.", "Prior conversation turns:",
                "[User]\nWeather in Paris?",
                "[Assistant]\nLet me check.\n" + AnthropicSdkToolUseFlowTest.RENDERED_CALL);
        assertThat(UpstreamText.userTurn(sent))
                .contains("[Tool Result (id: " + callId + ")]\n18C, sunny\n[/Tool Result]");
    }

    /** Streams one request through the SDK's accumulator, collecting the tool-call deltas. */
    private ChatCompletion stream(ChatCompletionCreateParams params,
                                  List<ChatCompletionChunk.Choice.Delta.ToolCall> callDeltas) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices().forEach(c -> c.delta().toolCalls().ifPresent(callDeltas::addAll));
            });
        }
        return accumulator.chatCompletion();
    }
}
