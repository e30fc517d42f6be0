package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.SequenceIds;
import dev.claudeproxy.application.testing.TurnScript;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ReplyAssembler;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tool calls the model writes in its text become tool_use blocks, streamed as soon as they can be (SPEC §5). */
class CreateMessageToolCallsTest {

    private static final Usage USAGE = new Usage(40, 12, 0, 0);
    private static final String MSG_ID = "msg_000000000000000000000001";
    private static final List<ToolDefinition> TOOLS = List.of(
            new ToolDefinition("get_weather", "Weather for a city", JsonParser.parse("{\"type\":\"object\"}")),
            new ToolDefinition("Read", "Reads a file", null));
    private static final CreateMessageCommand ASK = Requests.withTools("Weather in Paris?", TOOLS, ToolChoice.auto());
    private static final String CALL = "<tool_use>\n{\"name\": \"get_weather\", \"input\": {\"city\": \"Paris\"}}\n</tool_use>";

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();
    private final ExecutorService client = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        client.shutdownNow();
    }

    @Test
    void aStreamedCall_isTextThenAToolUseBlockWithItsInput_andStopReasonToolUse() {
        runner.willPlay(Turns.text(USAGE, "Let me ", "check.\n\n<tool_", "use>\n{\"name\": \"get_weather\", ",
                "\"input\": {\"city\": \"Paris\"}}\n</tool_use>"));
        RecordingSink sink = new RecordingSink();

        service().stream(ASK, sink);

        assertThat(sink.events()).containsExactly(
                new ReplyEvent.Started(MSG_ID, Requests.MODEL, Turns.MESSAGE_START_USAGE),
                new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Let me"),
                new ReplyEvent.TextDelta(0, " check."),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.BlockStarted(1, new ContentBlock.ToolUse("toolu_000000000000000000000002",
                        "get_weather", JsonValue.JsonObject.empty())),
                new ReplyEvent.InputJsonDelta(1, "{\"city\":\"Paris\"}"),
                new ReplyEvent.BlockStopped(1),
                new ReplyEvent.Finished(StopReason.TOOL_USE, USAGE));
    }

    @Test
    void textBeforeACall_reachesTheClient_whileTheModelIsStillWriting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.willPlay(TurnScript.of(new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                        TurnEvent.BlockStarted.of(0, BlockKind.TEXT),
                        new TurnEvent.TextDelta(0, "Checking the weather <tool"))
                .holdUntil(release)
                .then(new TurnEvent.TextDelta(0, "_use>{\"name\":\"get_weather\",\"input\":{}}</tool_use>"),
                        new TurnEvent.BlockStopped(0),
                        new TurnEvent.Completed("", StopReason.END_TURN, USAGE)));
        RecordingSink sink = new RecordingSink();

        Future<?> streaming = client.submit(() -> service().stream(ASK, sink));
        sink.next(Duration.ofSeconds(5));
        sink.next(Duration.ofSeconds(5));
        ReplyEvent live = sink.next(Duration.ofSeconds(5));

        assertThat(live).isEqualTo(new ReplyEvent.TextDelta(0, "Checking the weather"));
        release.countDown();
        streaming.get(5, TimeUnit.SECONDS);
        assertThat(sink.events().getLast()).isEqualTo(new ReplyEvent.Finished(StopReason.TOOL_USE, USAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            CALL,
            "<function_calls>[{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}]</function_calls>",
            "<function_calls>\n<invoke name=\"get_weather\">\n<parameter name=\"city\">Paris</parameter>\n</invoke>\n</function_calls>",
            "[Tool call: get_weather\nInput: {\"city\": \"Paris\"}]"})
    void eachFormat_givesTheSameWholeReply_asTheFoldOfTheStream(String call) {
        TurnEvent[] turn = Turns.text(USAGE, "Sure.\n", call, "\nDone?");

        AssistantReply whole = service(new ScriptedClaudeRunner().willPlay(turn)).create(ASK);
        ReplyAssembler fold = new ReplyAssembler();
        service(new ScriptedClaudeRunner().willPlay(turn)).stream(ASK, fold);

        assertThat(whole).isEqualTo(fold.reply());
        assertThat(whole.content()).containsExactly(new ContentBlock.Text("Sure."),
                new ContentBlock.ToolUse("toolu_000000000000000000000002", "get_weather",
                        JsonParser.parse("{\"city\":\"Paris\"}")));
        assertThat(whole.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void severalCalls_becomeSeveralBlocks_withFreshIds_inOrder() {
        runner.willPlay(Turns.text(USAGE, CALL + "\n<tool_use>{\"name\":\"Read\",\"input\":{\"path\":\"a\tb\"}}</tool_use>"));

        AssistantReply reply = service().create(ASK);

        assertThat(reply.content()).containsExactly(
                new ContentBlock.ToolUse("toolu_000000000000000000000002", "get_weather",
                        JsonParser.parse("{\"city\":\"Paris\"}")),
                new ContentBlock.ToolUse("toolu_000000000000000000000003", "Read",
                        JsonParser.parse("{\"path\":\"a\\tb\"}")));
    }

    @Test
    void aMalformedCall_isJustText_andTheTurnEndsNormally() {
        runner.willPlay(Turns.text(USAGE, "Try <tool_use>{\"name\": broken}</tool_use> later."));

        AssistantReply reply = service().create(ASK);

        assertThat(reply.content()).containsExactly(
                new ContentBlock.Text("Try <tool_use>{\"name\": broken}</tool_use> later."));
        assertThat(reply.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void aCallOnlyInTheResultLine_isFoundToo() {
        runner.willPlay(new TurnEvent.Completed("On it. " + CALL, StopReason.END_TURN, USAGE));

        AssistantReply reply = service().create(ASK);

        assertThat(reply.content()).extracting(b -> b.getClass().getSimpleName()).containsExactly("Text", "ToolUse");
        assertThat(reply.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void thinkingBetweenText_closesTheTextBlockFirst() {
        runner.willPlay(new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.TEXT),
                new TurnEvent.TextDelta(0, "First."),
                new TurnEvent.BlockStopped(0),
                TurnEvent.BlockStarted.of(1, BlockKind.THINKING),
                new TurnEvent.ThinkingDelta(1, "hmm"),
                new TurnEvent.BlockStopped(1),
                TurnEvent.BlockStarted.of(2, BlockKind.TEXT),
                new TurnEvent.TextDelta(2, " Second."),
                new TurnEvent.BlockStopped(2),
                new TurnEvent.Completed("", StopReason.END_TURN, USAGE));
        RecordingSink sink = new RecordingSink();

        service().stream(Requests.withTools("Go", TOOLS, ToolChoice.auto()), sink);
        AssistantReply reply = fold(sink);

        assertThat(reply.content()).containsExactly(new ContentBlock.Text("First."), new ContentBlock.Text(" Second."));
    }

    @Test
    void withoutTools_aToolUseBlockInTheText_staysText() {
        runner.willPlay(Turns.text(USAGE, CALL));

        AssistantReply reply = service().create(Requests.ask("Show me the format."));

        assertThat(reply.content()).containsExactly(new ContentBlock.Text(CALL));
        assertThat(reply.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void toolChoiceNone_offersNoTools_andParsesNoCalls() {
        runner.willPlay(Turns.text(USAGE, CALL));

        AssistantReply reply = service().create(Requests.withTools("Go", TOOLS, new ToolChoice.None()));

        assertThat(reply.content()).containsExactly(new ContentBlock.Text(CALL));
        assertThat(runner.lastRequest().systemPrompt()).isEmpty();
    }

    @Test
    void aNamedToolChoice_isInTheInstructions() {
        runner.willPlay(Turns.text(USAGE, CALL));

        service().create(Requests.withTools("Go", TOOLS, new ToolChoice.Named("get_weather")));

        assertThat(runner.lastRequest().systemPrompt().orElseThrow())
                .contains("{\"name\":\"get_weather\"")
                .contains("you must call the tool \"get_weather\"");
    }

    private static AssistantReply fold(RecordingSink sink) {
        ReplyAssembler fold = new ReplyAssembler();
        sink.events().forEach(fold);
        return fold.reply();
    }

    private CreateMessageService service() {
        return service(runner);
    }

    private static CreateMessageService service(ScriptedClaudeRunner runner) {
        return new CreateMessageService(runner, new AdmissionQueue(1, Duration.ofSeconds(1)), new SequenceIds(),
                Duration.ofSeconds(5));
    }
}
