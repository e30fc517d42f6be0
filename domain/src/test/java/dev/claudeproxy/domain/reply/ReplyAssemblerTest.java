package dev.claudeproxy.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyAssemblerTest {

    private static final ReplyEvent.Started STARTED = new ReplyEvent.Started("msg_1", "claude-sonnet-4-6",
            Usage.of(10, 1));

    @Test
    void aFullStream_foldsIntoThinkingTextAndToolUseBlocks() {
        AssistantReply reply = fold(STARTED,
                new ReplyEvent.BlockStarted(0, new ContentBlock.Thinking("", "")),
                new ReplyEvent.ThinkingDelta(0, "Let me "),
                new ReplyEvent.ThinkingDelta(0, "think."),
                new ReplyEvent.SignatureDelta(0, "sig-"),
                new ReplyEvent.SignatureDelta(0, "nature"),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.BlockStarted(1, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(1, "Hello"),
                new ReplyEvent.TextDelta(1, " world"),
                new ReplyEvent.BlockStopped(1),
                new ReplyEvent.BlockStarted(2, new ContentBlock.ToolUse("toolu_1", "get_weather",
                        JsonValue.JsonObject.empty())),
                new ReplyEvent.InputJsonDelta(2, "{\"city\":"),
                new ReplyEvent.InputJsonDelta(2, " \"Paris\"}"),
                new ReplyEvent.BlockStopped(2),
                new ReplyEvent.Finished(StopReason.TOOL_USE, new Usage(10, 25, 3, 4)));

        assertThat(reply).isEqualTo(new AssistantReply("msg_1", "claude-sonnet-4-6", List.of(
                new ContentBlock.Thinking("Let me think.", "sig-nature"),
                new ContentBlock.Text("Hello world"),
                new ContentBlock.ToolUse("toolu_1", "get_weather", JsonParser.parse("{\"city\":\"Paris\"}"))),
                StopReason.TOOL_USE, new Usage(10, 25, 3, 4)));
    }

    @Test
    void blocks_areOrderedByTheirIndex() {
        AssistantReply reply = fold(STARTED,
                new ReplyEvent.BlockStarted(1, new ContentBlock.Text("")),
                new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(1, "second"),
                new ReplyEvent.TextDelta(0, "first"),
                new ReplyEvent.Finished(StopReason.END_TURN, Usage.of(1, 1)));

        assertThat(reply.content()).containsExactly(new ContentBlock.Text("first"), new ContentBlock.Text("second"));
    }

    @Test
    void aToolUseWithoutInputDeltas_getsAnEmptyInput_andMalformedInputIsEmptyToo() {
        AssistantReply reply = fold(STARTED,
                new ReplyEvent.BlockStarted(0, new ContentBlock.ToolUse("toolu_1", "now", null)),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.BlockStarted(1, new ContentBlock.ToolUse("toolu_2", "broken", null)),
                new ReplyEvent.InputJsonDelta(1, "{\"a\":"),
                new ReplyEvent.BlockStopped(1),
                new ReplyEvent.Finished(StopReason.TOOL_USE, Usage.of(1, 1)));

        assertThat(reply.content()).containsExactly(
                new ContentBlock.ToolUse("toolu_1", "now", JsonValue.JsonObject.empty()),
                new ContentBlock.ToolUse("toolu_2", "broken", JsonValue.JsonObject.empty()));
    }

    @Test
    void theUsage_comesFromFinished_notFromStarted() {
        AssistantReply reply = fold(STARTED, new ReplyEvent.Finished(StopReason.MAX_TOKENS, Usage.of(99, 7)));

        assertThat(reply.usage()).isEqualTo(Usage.of(99, 7));
        assertThat(reply.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(reply.content()).isEmpty();
    }

    @Test
    void aFailedStream_throwsItsError_evenAfterContent() {
        ReplyError error = new ReplyError(ErrorKind.OVERLOADED, "Overloaded", "upstream_overloaded");
        ReplyAssembler assembler = feed(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "partial"), new ReplyEvent.Failed(error));

        assertThatThrownBy(assembler::reply)
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.error()).isEqualTo(error))
                .hasMessage("Overloaded");
    }

    @Test
    void aFailureBeforeAnythingStarted_throwsItsError() {
        ReplyError error = new ReplyError(ErrorKind.AUTHENTICATION, "Invalid API key", null);

        assertThatThrownBy(feed(new ReplyEvent.Failed(error))::reply)
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void aStreamThatNeverFinished_isAnIncompleteReplyError() {
        ReplyAssembler assembler = feed(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "cut off"));

        assertThatThrownBy(assembler::reply).isInstanceOfSatisfying(ReplyException.class, e -> {
            assertThat(e.error().kind()).isEqualTo(ErrorKind.API_ERROR);
            assertThat(e.error().reason()).isEqualTo("incomplete_reply");
        });
    }

    @Test
    void aStreamThatNeverStarted_isAnIncompleteReplyError() {
        ReplyAssembler assembler = feed(new ReplyEvent.Finished(StopReason.END_TURN, Usage.ZERO));

        assertThatThrownBy(assembler::reply).isInstanceOfSatisfying(ReplyException.class,
                e -> assertThat(e.error().kind()).isEqualTo(ErrorKind.API_ERROR));
    }

    @Test
    void aReplyError_withoutReason_takesTheKindAsReason() {
        assertThat(new ReplyError(ErrorKind.RATE_LIMITED, "slow down", null).reason()).isEqualTo("rate_limited");
        assertThat(ReplyError.invalidRequest("bad").kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(ReplyError.notFound("gone").kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    private static AssistantReply fold(ReplyEvent... events) {
        return feed(events).reply();
    }

    private static ReplyAssembler feed(ReplyEvent... events) {
        ReplyAssembler assembler = new ReplyAssembler();
        for (ReplyEvent e : events) {
            assembler.accept(e);
        }
        return assembler;
    }
}
