package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceNone;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anthropic Java SDK's tool-use flow (call, result, answer) through our server, the real CLI and a fake API. */
class AnthropicSdkToolUseFlowTest extends RealCliTestBase {

    /** A model's answer that calls the tool, in the form the tools section asks for, as three deltas. */
    static final String[] CALL = {"Let me check.\n", "<tool_use>\n{\"name\": \"get_weather\", ",
        "\"input\": {\"city\": \"Paris\"}}\n</tool_use>"};
    /** How SPEC §4 renders that call among the prior turns of the next request. */
    static final String RENDERED_CALL =
            "<tool_use>\n{\"name\": \"get_weather\", \"input\": {\"city\":\"Paris\"}}\n</tool_use>";

    private AnthropicClient client;

    @BeforeEach
    void startClient() {
        client = proxy.anthropic();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static MessageCreateParams.Builder weatherQuestion() {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(512)
                .system("You are a weather bot.")
                .addTool(Tool.builder().name("get_weather").description("Current weather in a city")
                        .inputSchema(Tool.InputSchema.builder()
                                .properties(Tool.InputSchema.Properties.builder()
                                        .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string")))
                                        .build())
                                .required(List.of("city")).build())
                        .build())
                .addUserMessage("Weather in Paris?");
    }

    /** The conversation so far, the assistant's message as returned, and the result of its one tool call. */
    private static MessageCreateParams withResult(MessageCreateParams.Builder question, Message assistant,
                                                  String result) {
        ToolUseBlock call = assistant.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
        return question.addMessage(assistant.toParam())
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                        ToolResultBlockParam.builder().toolUseId(call.id()).content(result).build())))
                .build();
    }

    @Test
    void aToolCall_thenItsResult_thenTheFinalAnswer() {
        upstream.enqueue(UpstreamReply.text(CALL));
        upstream.enqueue(UpstreamReply.text("It is 18C and sunny in Paris."));

        Message first = client.messages().create(weatherQuestion().build());

        assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(first.content()).hasSize(2);
        assertThat(first.content().getFirst().text().orElseThrow().text()).isEqualTo("Let me check.");
        ToolUseBlock call = first.content().get(1).toolUse().orElseThrow();
        assertThat(call.id()).startsWith("toolu_");
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));
        JsonNode firstSent = upstream.requests().getLast().body();
        assertThat(UpstreamText.system(firstSent)).contains("You are a weather bot.", "# Tools",
                "\"name\":\"get_weather\"");
        assertThat(UpstreamText.userTurn(firstSent)).contains("Weather in Paris?");

        Message answer = client.messages().create(withResult(weatherQuestion(), first, "18C, sunny"));

        assertThat(answer.stopReason()).contains(StopReason.END_TURN);
        assertThat(answer.content()).singleElement().satisfies(b ->
                assertThat(b.text().orElseThrow().text()).isEqualTo("It is 18C and sunny in Paris."));
        assertSecondTurnCarriesTheCallAndItsResult(call.id());
    }

    @Test
    void aStreamedToolCall_accumulates_andItsResultGetsAStreamedFinalAnswer() {
        upstream.enqueue(UpstreamReply.text(CALL).withEventDelay(Duration.ofMillis(20)));
        upstream.enqueue(UpstreamReply.text("It is 18C", " and sunny.").withEventDelay(Duration.ofMillis(20)));
        List<String> events = new ArrayList<>();

        Message first = stream(weatherQuestion().build(), events);

        assertThat(first.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(first.content().getFirst().text().orElseThrow().text()).isEqualTo("Let me check.");
        ToolUseBlock call = first.content().get(1).toolUse().orElseThrow();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));
        assertThat(events).containsSubsequence("text_delta:Let me check.", "tool_use_start:get_weather",
                "input_json_delta:{\"city\":\"Paris\"}", "message_delta:tool_use");

        events.clear();
        Message answer = stream(withResult(weatherQuestion(), first, "18C, sunny"), events);

        assertThat(answer.stopReason()).contains(StopReason.END_TURN);
        assertThat(answer.content()).singleElement().satisfies(b ->
                assertThat(b.text().orElseThrow().text()).isEqualTo("It is 18C and sunny."));
        assertThat(events).containsSubsequence("text_delta:It is 18C", "text_delta: and sunny.",
                "message_delta:end_turn");
        assertSecondTurnCarriesTheCallAndItsResult(call.id());
    }

    @Test
    void aNamedToolChoice_isDemandedInTheSystemPrompt() {
        upstream.enqueue(UpstreamReply.text(CALL));

        Message message = client.messages().create(weatherQuestion()
                .toolChoice(ToolChoiceTool.builder().name("get_weather").build()).build());

        assertThat(message.content()).anySatisfy(b -> assertThat(b.isToolUse()).isTrue());
        assertThat(UpstreamText.system(upstream.requests().getLast().body()))
                .contains("In this answer you must call the tool \"get_weather\".");
    }

    @Test
    void toolChoiceNone_offersNoTools_andATagInTheAnswerStaysText() {
        upstream.enqueue(UpstreamReply.text(CALL));

        Message message = client.messages().create(weatherQuestion()
                .toolChoice(ToolChoiceNone.builder().build()).build());

        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.content()).singleElement().satisfies(b ->
                assertThat(b.text().orElseThrow().text()).isEqualTo(String.join("", CALL)));
        String system = UpstreamText.system(upstream.requests().getLast().body());
        assertThat(system).contains("You are a weather bot.").doesNotContain("# Tools", "get_weather");
    }

    /** The CLI's second request holds the earlier call among the prior turns, and the result as the user turn. */
    private void assertSecondTurnCarriesTheCallAndItsResult(String toolUseId) {
        JsonNode sent = upstream.requests().getLast().body();
        assertThat(UpstreamText.system(sent)).contains("You are a weather bot.", "Prior conversation turns:",
                "[User]\nWeather in Paris?", "[Assistant]\nLet me check.\n" + RENDERED_CALL);
        assertThat(UpstreamText.userTurn(sent))
                .contains("[Tool Result (id: " + toolUseId + ")]\n18C, sunny\n[/Tool Result]");
    }

    /** Streams one request through the SDK's accumulator, noting the events that matter here. */
    private Message stream(MessageCreateParams params, List<String> events) {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.contentBlockStart().flatMap(s -> s.contentBlock().toolUse())
                        .ifPresent(u -> events.add("tool_use_start:" + u.name()));
                event.contentBlockDelta().ifPresent(d -> {
                    d.delta().text().ifPresent(t -> events.add("text_delta:" + t.text()));
                    d.delta().inputJson().ifPresent(j -> events.add("input_json_delta:" + j.partialJson()));
                });
                event.messageDelta().flatMap(d -> d.delta().stopReason())
                        .ifPresent(r -> events.add("message_delta:" + r.asString()));
            });
        }
        return accumulator.message();
    }
}
