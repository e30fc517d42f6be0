package dev.claudeproxy.application.service;

import dev.claudeproxy.domain.turn.TurnEvent;

/** Names CLI turn events as traces show them ({@code text_delta}). */
final class TurnEvents {

    private TurnEvents() {
    }

    static String typeName(TurnEvent event) {
        return switch (event) {
            case TurnEvent.SessionStarted e -> "session_started";
            case TurnEvent.MessageStarted e -> "message_start";
            case TurnEvent.BlockStarted e -> "content_block_start";
            case TurnEvent.TextDelta e -> "text_delta";
            case TurnEvent.ThinkingDelta e -> "thinking_delta";
            case TurnEvent.SignatureDelta e -> "signature_delta";
            case TurnEvent.InputJsonDelta e -> "input_json_delta";
            case TurnEvent.BlockStopped e -> "content_block_stop";
            case TurnEvent.Completed e -> "result";
            case TurnEvent.Failed e -> "error";
        };
    }
}
