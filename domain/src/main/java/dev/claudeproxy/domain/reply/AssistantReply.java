package dev.claudeproxy.domain.reply;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.util.List;
import java.util.Objects;

/** A complete, non-streamed assistant reply. */
public record AssistantReply(String messageId, String model, List<ContentBlock> content, StopReason stopReason,
                             Usage usage) {

    public AssistantReply {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(model, "model");
        content = List.copyOf(content);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
    }
}
