package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.SequenceIds;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ReplyAssembler;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the client sees of a turn's content: blocks, indices, thinking and the empty-output rule. */
class CreateMessageReplyTest {

    private static final Usage USAGE = new Usage(40, 12, 5, 300);
    private static final String MSG_ID = "msg_000000000000000000000001";

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();

    static Stream<Named<TurnEvent[]>> turns() {
        return Stream.of(
                Named.of("plain text", Turns.text(USAGE, "Hello", " world")),
                Named.of("thinking, text and a tool call", thinkingTextAndTool()),
                Named.of("no output at all", new TurnEvent[] {new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                        new TurnEvent.Completed("", StopReason.END_TURN, Usage.ZERO)}),
                Named.of("only a result text", new TurnEvent[] {
                        new TurnEvent.Completed("from the result line", StopReason.END_TURN, USAGE)}));
    }

    @ParameterizedTest
    @MethodSource("turns")
    void theWholeReply_isTheFoldOfTheStreamedReply(TurnEvent[] turn) {
        CreateMessageCommand command = Requests.withThinking("Go", new ThinkingConfig.Enabled(1024));
        ScriptedClaudeRunner streamRunner = new ScriptedClaudeRunner().willPlay(turn);
        ScriptedClaudeRunner wholeRunner = new ScriptedClaudeRunner().willPlay(turn);

        ReplyAssembler fold = new ReplyAssembler();
        service(streamRunner).stream(command, fold);
        AssistantReply whole = service(wholeRunner).create(command);

        assertThat(whole).isEqualTo(fold.reply());
        assertThat(whole.messageId()).isEqualTo(MSG_ID);
        assertThat(whole.model()).isEqualTo(Requests.MODEL);
    }

    @Test
    void aFullTurn_withThinkingAskedFor_keepsThinkingTextAndToolCall() {
        runner.willPlay(thinkingTextAndTool());

        AssistantReply reply = service(runner).create(Requests.withThinking("Go", new ThinkingConfig.Enabled(1024)));

        assertThat(reply.content()).containsExactly(
                new ContentBlock.Thinking("Hmm.", "sig"),
                new ContentBlock.Text("Let me look."),
                new ContentBlock.ToolUse("toolu_abc", "search", JsonParser.parse("{\"q\":\"cats\"}")));
        assertThat(reply.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(reply.usage()).isEqualTo(USAGE);
    }

    @Test
    void adaptiveThinking_isShownToo() {
        runner.willPlay(thinkingTextAndTool());

        AssistantReply reply = service(runner).create(Requests.withThinking("Go", new ThinkingConfig.Adaptive()));

        assertThat(reply.content().getFirst()).isEqualTo(new ContentBlock.Thinking("Hmm.", "sig"));
    }

    @Test
    void thinkingTheClientDidNotAskFor_isHidden_andTheOtherBlocksAreRenumberedFromZero() {
        runner.willPlay(thinkingTextAndTool());
        RecordingSink sink = new RecordingSink();

        service(runner).stream(Requests.ask("Go"), sink);

        assertThat(sink.events()).containsExactly(
                new ReplyEvent.Started(MSG_ID, Requests.MODEL, Turns.MESSAGE_START_USAGE),
                new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Let me look."),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.BlockStarted(1, new ContentBlock.ToolUse("toolu_abc", "search",
                        JsonValue.JsonObject.empty())),
                new ReplyEvent.InputJsonDelta(1, "{\"q\":"),
                new ReplyEvent.InputJsonDelta(1, "\"cats\"}"),
                new ReplyEvent.BlockStopped(1),
                new ReplyEvent.Finished(StopReason.TOOL_USE, USAGE));
    }

    @Test
    void disabledThinking_isHidden() {
        runner.willPlay(thinkingTextAndTool());

        AssistantReply reply = service(runner).create(Requests.withThinking("Go", new ThinkingConfig.Disabled()));

        assertThat(reply.content()).noneMatch(ContentBlock.Thinking.class::isInstance);
        assertThat(reply.content().getFirst()).isEqualTo(new ContentBlock.Text("Let me look."));
    }

    @Test
    void aTextBlock_opensOnlyWithItsFirstNonEmptyText() {
        runner.willPlay(new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.TEXT),
                new TurnEvent.TextDelta(0, ""),
                new TurnEvent.BlockStopped(0),
                TurnEvent.BlockStarted.of(1, BlockKind.TEXT),
                new TurnEvent.TextDelta(1, ""),
                new TurnEvent.TextDelta(1, "Hi"),
                new TurnEvent.TextDelta(1, ""),
                new TurnEvent.TextDelta(1, "!"),
                new TurnEvent.BlockStopped(1),
                new TurnEvent.Completed("Hi!", StopReason.END_TURN, USAGE));
        RecordingSink sink = new RecordingSink();

        service(runner).stream(Requests.ask("Hello"), sink);

        assertThat(sink.events()).containsExactly(
                new ReplyEvent.Started(MSG_ID, Requests.MODEL, Turns.MESSAGE_START_USAGE),
                new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Hi"),
                new ReplyEvent.TextDelta(0, "!"),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.Finished(StopReason.END_TURN, USAGE));
    }

    @Test
    void emptyOutput_becomesASingleEllipsisTextBlock() {
        runner.willPlay(new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.TEXT),
                new TurnEvent.BlockStopped(0),
                new TurnEvent.Completed("  ", StopReason.END_TURN, USAGE));
        RecordingSink sink = new RecordingSink();

        service(runner).stream(Requests.ask("Hello"), sink);

        assertThat(sink.events()).containsExactly(
                new ReplyEvent.Started(MSG_ID, Requests.MODEL, Turns.MESSAGE_START_USAGE),
                new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "..."),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.Finished(StopReason.END_TURN, USAGE));
    }

    @Test
    void onlyHiddenThinking_alsoBecomesTheEllipsis() {
        runner.willPlay(new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.THINKING),
                new TurnEvent.ThinkingDelta(0, "thinking hard"),
                new TurnEvent.BlockStopped(0),
                new TurnEvent.Completed("", StopReason.END_TURN, USAGE));

        assertThat(service(runner).create(Requests.ask("Hi")).content()).containsExactly(new ContentBlock.Text("..."));
    }

    @Test
    void aResultTextWithoutStreamedBlocks_becomesTheTextBlock() {
        runner.willPlay(new TurnEvent.Completed("Whole answer.", StopReason.END_TURN, USAGE));

        assertThat(service(runner).create(Requests.ask("Hi")).content())
                .containsExactly(new ContentBlock.Text("Whole answer."));
    }

    @Test
    void streamedText_isNotRepeatedFromTheResultText() {
        runner.willPlay(Turns.text(USAGE, "Hello", " world"));

        assertThat(service(runner).create(Requests.ask("Hi")).content())
                .containsExactly(new ContentBlock.Text("Hello world"));
    }

    @Test
    void theReply_echoesTheModelTheCallerAskedFor() {
        runner.willPlay(Turns.text(USAGE, "ok"));

        AssistantReply reply = service(runner).create(Requests.full("My-Custom-OPUS", "",
                List.of(Message.user("Hi")), List.of(), Optional.empty()));

        assertThat(reply.model()).isEqualTo("My-Custom-OPUS");
    }

    static TurnEvent[] thinkingTextAndTool() {
        return new TurnEvent[] {
                new TurnEvent.SessionStarted("s-1", "claude-sonnet-4-6"),
                new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.THINKING),
                new TurnEvent.ThinkingDelta(0, "Hmm."),
                new TurnEvent.SignatureDelta(0, "sig"),
                new TurnEvent.BlockStopped(0),
                TurnEvent.BlockStarted.of(1, BlockKind.TEXT),
                new TurnEvent.TextDelta(1, "Let me look."),
                new TurnEvent.BlockStopped(1),
                new TurnEvent.BlockStarted(2, BlockKind.TOOL_USE, "toolu_abc", "search"),
                new TurnEvent.InputJsonDelta(2, "{\"q\":"),
                new TurnEvent.InputJsonDelta(2, "\"cats\"}"),
                new TurnEvent.BlockStopped(2),
                new TurnEvent.Completed("Let me look.", StopReason.TOOL_USE, USAGE)};
    }

    static CreateMessageService service(ScriptedClaudeRunner runner) {
        return new CreateMessageService(runner, new AdmissionQueue(2, Duration.ofSeconds(5)), new SequenceIds(),
                Duration.ofSeconds(5));
    }
}
