package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** End to end with the real Claude Code CLI: a tool call the model writes in any of the four formats reaches both SDKs as a tool call. */
class ToolCallsRealCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "Weather in Paris?";
    private static final String TEXT_BEFORE = "Let me check.";

    /** The model's answer in each format, as upstream text deltas with the opening marker split across two of them. */
    enum Format {
        TOOL_USE("{\"city\":\"Paris\",\"days\":2,\"note\":\"line one\\nline two\"}",
                "Let me check.\n<tool_",
                "use>\n{\"name\": \"get_weather\", \"input\": {\"city\": \"Paris\", \"days\": 2, "
                        + "\"note\": \"line one\nline two\"}}\n</tool_use>"),
        FUNCTION_CALLS_JSON("{\"city\":\"Paris\",\"days\":2}",
                "Let me check.\n<function_",
                "calls>\n[{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\", \"days\": 2}}]\n"
                        + "</function_calls>"),
        INVOKE("{\"city\":\"Paris\",\"days\":2}",
                "Let me check.\n<funct",
                "ion_calls>\n<invoke name=\"get_weather\">\n<parameter name=\"city\">Paris</parameter>\n"
                        + "<parameter name=\"days\">2</parameter>\n</invoke>\n</function_calls>"),
        TOOL_CALL_LINE("{\"city\":\"Paris\",\"days\":2}",
                "Let me check.\n[Tool ",
                "call: get_weather\nInput: {\"city\": \"Paris\", \"days\": 2}]");

        final JsonNode expectedInput;
        final String[] deltas;

        Format(String expectedInput, String... deltas) {
            this.expectedInput = json(expectedInput);
            this.deltas = deltas;
        }

        UpstreamReply reply() {
            return UpstreamReply.text(deltas);
        }
    }

    @TempDir
    static Path dir;

    private static FakeUpstream upstream;
    private static RunningProxy proxy;
    private static AnthropicClient anthropic;
    private static OpenAIClient openAi;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start();
        proxy = RunningProxy.withRealCli(dir, upstream, Map.of());
        anthropic = proxy.anthropic();
        openAi = proxy.openAi();
    }

    @AfterEach
    void eachTurnsCliHasExited() throws InterruptedException {
        assertThat(awaitNoChildren()).as("CLI processes still alive").isEmpty();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        openAi.close();
        anthropic.close();
        proxy.close();
        upstream.close();
        assertThat(awaitNoChildren()).as("CLI processes still alive").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anthropicMessage_hasTheTextThenTheToolCall(Format format) {
        upstream.enqueue(format.reply());

        Message message = anthropic.messages().create(anthropicRequest());

        assertAnthropicToolCall(message, format);
        assertUpstreamSawOnlyOurTools();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anthropicStream_showsTheTextFirst_thenStreamsTheToolCall(Format format) {
        upstream.enqueue(format.reply());
        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> events = new ArrayList<>();
        StringBuilder liveText = new StringBuilder();

        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(anthropicRequest())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.contentBlockStart().filter(s -> s.contentBlock().isToolUse())
                        .ifPresent(s -> events.add("tool_use start"));
                event.contentBlockDelta().map(d -> d.delta()).ifPresent(delta -> {
                    delta.text().ifPresent(t -> {
                        events.add("text_delta");
                        liveText.append(t.text());
                    });
                    delta.inputJson().ifPresent(j -> events.add("input_json_delta"));
                });
            });
        }

        assertThat(events).containsExactly("text_delta", "tool_use start", "input_json_delta");
        assertThat(liveText).hasToString(TEXT_BEFORE);
        assertAnthropicToolCall(accumulator.message(), format);
        assertUpstreamSawOnlyOurTools();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void openAiCompletion_hasTheContentAndTheToolCall(Format format) {
        upstream.enqueue(format.reply());

        ChatCompletion completion = openAi.chat().completions().create(openAiRequest());

        assertOpenAiToolCall(completion, format);
        assertUpstreamSawOnlyOurTools();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void openAiStream_showsTheContentFirst_thenStreamsTheToolCall(Format format) {
        upstream.enqueue(format.reply());
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<String> chunks = new ArrayList<>();

        try (var stream = openAi.chat().completions().createStreaming(openAiRequest())) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices().stream().map(ChatCompletionChunk.Choice::delta).forEach(delta -> {
                    delta.content().filter(t -> !t.isEmpty()).ifPresent(t -> chunks.add("content"));
                    delta.toolCalls().ifPresent(calls -> calls.forEach(call -> chunks.add(
                            call.function().flatMap(f -> f.name()).isPresent() ? "tool_call start" : "arguments")));
                });
            });
        }

        assertThat(chunks).containsExactly("content", "tool_call start", "arguments");
        assertOpenAiToolCall(accumulator.chatCompletion(), format);
        assertUpstreamSawOnlyOurTools();
    }

    private static void assertAnthropicToolCall(Message message, Format format) {
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.content()).hasSize(2);
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo(TEXT_BEFORE);
        ContentBlock second = message.content().get(1);
        ToolUseBlock call = second.toolUse().orElseThrow(() -> new AssertionError("not a tool_use: " + second));
        assertThat(call.id()).startsWith("toolu_");
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().convert(JsonNode.class)).isEqualTo(format.expectedInput);
    }

    private static void assertOpenAiToolCall(ChatCompletion completion, Format format) {
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage message = choice.message();
        assertThat(message.content()).contains(TEXT_BEFORE);
        assertThat(message.toolCalls().orElseThrow()).hasSize(1);
        ChatCompletionMessageFunctionToolCall call = message.toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.id()).startsWith("toolu_");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(json(call.function().arguments())).isEqualTo(format.expectedInput);
    }

    /** Our tools section is in the system prompt, and the CLI offered the model no tools of its own. */
    private static void assertUpstreamSawOnlyOurTools() {
        JsonNode sent = upstream.requests().getLast().body();
        assertThat(sent.path("messages").toString()).contains(QUESTION);
        assertThat(systemText(sent)).contains("\"name\":\"get_weather\"", "<tool_use>");
        assertThat(sent.path("tools")).isEmpty();
    }

    private static String systemText(JsonNode request) {
        JsonNode system = request.path("system");
        if (system.isTextual()) {
            return system.textValue();
        }
        StringBuilder text = new StringBuilder();
        system.forEach(block -> text.append(block.path("text").asText()).append('\n'));
        return text.toString();
    }

    private static MessageCreateParams anthropicRequest() {
        Tool.InputSchema schema = Tool.InputSchema.builder()
                .properties(com.anthropic.core.JsonValue.from(weatherProperties()))
                .required(List.of("city"))
                .build();
        return MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(256)
                .addTool(Tool.builder().name("get_weather").description("The weather forecast for a city")
                        .inputSchema(schema).build())
                .addUserMessage(QUESTION).build();
    }

    private static ChatCompletionCreateParams openAiRequest() {
        FunctionParameters parameters = FunctionParameters.builder()
                .putAdditionalProperty("type", com.openai.core.JsonValue.from("object"))
                .putAdditionalProperty("properties", com.openai.core.JsonValue.from(weatherProperties()))
                .putAdditionalProperty("required", com.openai.core.JsonValue.from(List.of("city")))
                .build();
        return ChatCompletionCreateParams.builder().model("claude-haiku-4-5")
                .addFunctionTool(FunctionDefinition.builder().name("get_weather")
                        .description("The weather forecast for a city").parameters(parameters).build())
                .addUserMessage(QUESTION).build();
    }

    private static Map<String, Object> weatherProperties() {
        return Map.of("city", Map.of("type", "string"), "days", Map.of("type", "integer"),
                "note", Map.of("type", "string"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Waits up to 10 s for this JVM's child processes to end; returns those still alive. */
    private static List<ProcessHandle> awaitNoChildren() throws InterruptedException {
        RunningProxy.awaitNoChildren();
        return RunningProxy.turnChildren();
    }
}
