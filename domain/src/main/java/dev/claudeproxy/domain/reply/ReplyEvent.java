package dev.claudeproxy.domain.reply;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.util.Objects;

/**
 * The assistant's reply as a stream, in the order of the Anthropic Messages stream: one {@link Started},
 * blocks (start, deltas, stop), then {@link Finished} — or {@link Failed} at any point.
 */
public sealed interface ReplyEvent {

    /** The reply began; from here on the answer is committed (a stream's HTTP status is sent). */
    record Started(String messageId, String model, Usage usage) implements ReplyEvent {
        public Started {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /** A content block began; {@code initial} is its empty form (text "", thinking "", tool_use with input {}). */
    record BlockStarted(int index, ContentBlock initial) implements ReplyEvent {
    }

    /** Text appended to a text block. */
    record TextDelta(int index, String text) implements ReplyEvent {
    }

    /** Reasoning appended to a thinking block. */
    record ThinkingDelta(int index, String thinking) implements ReplyEvent {
    }

    /** The signature of a thinking block. */
    record SignatureDelta(int index, String signature) implements ReplyEvent {
    }

    /** A fragment of a tool call's JSON input. */
    record InputJsonDelta(int index, String partialJson) implements ReplyEvent {
    }

    /** A content block ended. */
    record BlockStopped(int index) implements ReplyEvent {
    }

    /** The reply ended normally. */
    record Finished(StopReason stopReason, Usage usage) implements ReplyEvent {
    }

    /** The reply failed; before {@link Started} the client gets an error status, after it an error event. */
    record Failed(ReplyError error) implements ReplyEvent {
    }
}
