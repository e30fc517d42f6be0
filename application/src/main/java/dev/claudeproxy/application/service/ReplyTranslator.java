package dev.claudeproxy.application.service;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.prompt.TokenEstimator;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.toolcall.ToolCall;
import dev.claudeproxy.domain.toolcall.ToolCallStream;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Turns the events of one CLI turn into the reply stream a client sees: renumbers blocks, hides thinking
 * the client did not ask for, opens text blocks only once they have text, turns tool calls written in the
 * text into {@code tool_use} blocks when tools were offered, and ends every reply with content ("..." when
 * the model said nothing) and real usage (estimated only when the CLI gave none).
 */
final class ReplyTranslator {

    static final String EMPTY_OUTPUT = "...";
    /** The key of the one text block that tool-call mode shows (the CLI's text indexes are not used then). */
    private static final int TOOL_MODE_TEXT = -1;

    private final String messageId;
    private final String model;
    private final boolean showThinking;
    private final int estimatedInputTokens;
    private final Consumer<ReplyEvent> sink;
    /** Present when tools were offered: the model's text is searched for tool calls. */
    private final ToolCallStream toolCalls;
    private final Supplier<String> toolUseIds;

    private final Map<Integer, Integer> visibleIndex = new HashMap<>();
    private int nextIndex;
    private boolean started;
    private boolean anyOutput;
    private int outputChars;
    private boolean ended;
    private boolean sawToolModeText;
    private boolean modelOutput;

    /**
     * @param toolUseIds where the ids of tool calls found in the text come from; {@code null} when no tools
     *                   were offered, so the text is passed through as it is
     */
    ReplyTranslator(String messageId, String model, boolean showThinking, int estimatedInputTokens,
                    Supplier<String> toolUseIds, Consumer<ReplyEvent> sink) {
        this.messageId = messageId;
        this.model = model;
        this.showThinking = showThinking;
        this.estimatedInputTokens = estimatedInputTokens;
        this.toolUseIds = toolUseIds;
        this.toolCalls = toolUseIds == null ? null : new ToolCallStream();
        this.sink = sink;
    }

    boolean started() {
        return started;
    }

    boolean ended() {
        return ended;
    }

    /** How many characters of text and tool input the model has written so far. */
    int outputChars() {
        return outputChars;
    }

    /** Whether the model has produced any content yet (shown or not). */
    boolean sawModelOutput() {
        return modelOutput;
    }

    /** Commits the reply now, before the upstream has said anything (the stream's grace period ran out). */
    void startNow() {
        start(Usage.of(estimatedInputTokens, 1));
    }

    /** Handles one turn event; returns true when the reply has ended. */
    boolean accept(TurnEvent event) {
        modelOutput |= event instanceof TurnEvent.BlockStarted || event instanceof TurnEvent.TextDelta
                || event instanceof TurnEvent.ThinkingDelta || event instanceof TurnEvent.InputJsonDelta;
        switch (event) {
            case TurnEvent.SessionStarted ignored -> {
            }
            case TurnEvent.MessageStarted m -> start(m.usage().inputTokens() > 0 ? m.usage()
                    : Usage.of(estimatedInputTokens, 1));
            case TurnEvent.BlockStarted b -> blockStarted(b);
            case TurnEvent.TextDelta d -> text(d.index(), d.text());
            case TurnEvent.ThinkingDelta d -> visible(d.index(), i -> new ReplyEvent.ThinkingDelta(i, d.thinking()));
            case TurnEvent.SignatureDelta d ->
                    visible(d.index(), i -> new ReplyEvent.SignatureDelta(i, d.signature()));
            case TurnEvent.InputJsonDelta d -> {
                outputChars += d.partialJson().length();
                visible(d.index(), i -> new ReplyEvent.InputJsonDelta(i, d.partialJson()));
            }
            case TurnEvent.BlockStopped b -> close(b.index());
            case TurnEvent.Completed c -> complete(c);
            case TurnEvent.Failed f -> {
                ended = true;
                sink.accept(new ReplyEvent.Failed(FailureMapping.toReplyError(f)));
            }
        }
        return ended;
    }

    private void start(Usage usage) {
        if (!started) {
            started = true;
            sink.accept(new ReplyEvent.Started(messageId, model, usage));
        }
    }

    private void blockStarted(TurnEvent.BlockStarted b) {
        start(Usage.of(estimatedInputTokens, 1));
        if (b.kind() != BlockKind.TEXT) {
            close(TOOL_MODE_TEXT); // blocks follow one another: more text opens a new block
        }
        switch (b.kind()) {
            case TEXT -> {
                // opened lazily with its first text, so an empty text block never reaches the client
            }
            case THINKING -> {
                if (showThinking) {
                    open(b.index(), new ContentBlock.Thinking("", ""));
                }
            }
            case TOOL_USE -> {
                anyOutput = true;
                open(b.index(), new ContentBlock.ToolUse(b.toolUseId(), b.toolName(), JsonValue.JsonObject.empty()));
            }
        }
    }

    private void text(int turnIndex, String text) {
        outputChars += text.length();
        if (toolCalls == null) {
            show(turnIndex, text);
        } else {
            sawToolModeText |= !text.isEmpty();
            show(TOOL_MODE_TEXT, toolCalls.accept(text));
        }
    }

    private void show(int key, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!visibleIndex.containsKey(key)) {
            start(Usage.of(estimatedInputTokens, 1));
            open(key, new ContentBlock.Text(""));
        }
        anyOutput = true;
        sink.accept(new ReplyEvent.TextDelta(visibleIndex.get(key), text));
    }

    private void close(int key) {
        Integer i = visibleIndex.remove(key);
        if (i != null) {
            sink.accept(new ReplyEvent.BlockStopped(i));
        }
    }

    private void open(int turnIndex, ContentBlock initial) {
        int index = nextIndex++;
        visibleIndex.put(turnIndex, index);
        sink.accept(new ReplyEvent.BlockStarted(index, initial));
    }

    private void visible(int turnIndex, IntFunction<ReplyEvent> event) {
        Integer i = visibleIndex.get(turnIndex);
        if (i != null) {
            sink.accept(event.apply(i));
        }
    }

    private void complete(TurnEvent.Completed c) {
        start(Usage.of(estimatedInputTokens, 1));
        List<ToolCall> calls = toolCalls == null ? List.of() : lastTextAndCalls(c.resultText());
        for (Integer open : visibleIndex.values().stream().sorted().toList()) {
            sink.accept(new ReplyEvent.BlockStopped(open));
        }
        visibleIndex.clear();
        for (ToolCall call : calls) {
            int index = nextIndex++;
            String input = call.input().toJson();
            sink.accept(new ReplyEvent.BlockStarted(index,
                    new ContentBlock.ToolUse(toolUseIds.get(), call.name(), JsonValue.JsonObject.empty())));
            sink.accept(new ReplyEvent.InputJsonDelta(index, input));
            sink.accept(new ReplyEvent.BlockStopped(index));
            anyOutput = true;
        }
        if (!anyOutput) {
            String text = toolCalls != null || c.resultText().isBlank() ? EMPTY_OUTPUT : c.resultText();
            int index = nextIndex++;
            sink.accept(new ReplyEvent.BlockStarted(index, new ContentBlock.Text("")));
            sink.accept(new ReplyEvent.TextDelta(index, text));
            sink.accept(new ReplyEvent.BlockStopped(index));
            outputChars += text.length();
        }
        Usage usage = c.usage();
        if (usage.equals(Usage.ZERO)) {
            usage = Usage.of(estimatedInputTokens, TokenEstimator.ofChars(outputChars));
        }
        ended = true;
        sink.accept(new ReplyEvent.Finished(calls.isEmpty() ? c.stopReason() : StopReason.TOOL_USE, usage));
    }

    /** Shows the text held back at the end of the answer and returns the tool calls found in it. */
    private List<ToolCall> lastTextAndCalls(String resultText) {
        if (!sawToolModeText && !anyOutput) {
            text(TOOL_MODE_TEXT, resultText); // no text came as events: the result line has the answer
        }
        ToolCallStream.Ending ending = toolCalls.finish();
        show(TOOL_MODE_TEXT, ending.text());
        return ending.calls();
    }
}
