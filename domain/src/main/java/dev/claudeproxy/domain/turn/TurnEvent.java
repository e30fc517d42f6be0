package dev.claudeproxy.domain.turn;

import java.util.Objects;
import java.util.OptionalInt;

/** What a running CLI turn reports, in order; a turn ends with exactly one {@link Completed} or {@link Failed}. */
public sealed interface TurnEvent {

    /** The CLI started its session (its {@code system/init} line). */
    record SessionStarted(String sessionId, String model) implements TurnEvent {
    }

    /** The upstream API began its answer: the first upstream event. */
    record MessageStarted(Usage usage) implements TurnEvent {
    }

    /** A content block began; {@code index} counts blocks within the turn from 0. */
    record BlockStarted(int index, BlockKind kind, String toolUseId, String toolName) implements TurnEvent {
        public static BlockStarted of(int index, BlockKind kind) {
            return new BlockStarted(index, kind, null, null);
        }
    }

    /** Text appended to a text block. */
    record TextDelta(int index, String text) implements TurnEvent {
    }

    /** Reasoning appended to a thinking block. */
    record ThinkingDelta(int index, String thinking) implements TurnEvent {
    }

    /** The signature of a thinking block. */
    record SignatureDelta(int index, String signature) implements TurnEvent {
    }

    /** A fragment of a tool call's JSON input. */
    record InputJsonDelta(int index, String partialJson) implements TurnEvent {
    }

    /** A content block ended. */
    record BlockStopped(int index) implements TurnEvent {
    }

    /** The turn finished: final text, why it stopped and the real usage. */
    record Completed(String resultText, StopReason stopReason, Usage usage) implements TurnEvent {
        public Completed {
            resultText = resultText == null ? "" : resultText;
            Objects.requireNonNull(stopReason, "stopReason");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /** The turn failed; {@code upstreamStatus} is the upstream HTTP status when the CLI reported one. */
    record Failed(FailureKind kind, String message, OptionalInt upstreamStatus) implements TurnEvent {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            message = message == null || message.isBlank() ? kind.name() : message;
            Objects.requireNonNull(upstreamStatus, "upstreamStatus");
        }

        public static Failed of(FailureKind kind, String message) {
            return new Failed(kind, message, OptionalInt.empty());
        }
    }

    /** Whether this event ends the turn. */
    default boolean isTerminal() {
        return this instanceof Completed || this instanceof Failed;
    }
}
