package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ModelTier;
import java.util.Optional;

/** What a warm CLI process was started for: its model tier, partial messages and session persistence. */
record WarmKey(ModelTier tier, boolean partialMessages, boolean persistSession) {

    /** The kind of warm process that can run {@code request}; none for a resumed turn or one with thinking settings. */
    static Optional<WarmKey> of(TurnRequest request) {
        if (request.resumeSessionId().isPresent() || request.thinking().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new WarmKey(request.model(), request.partialMessages(), request.persistSession()));
    }
}
