package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.ThinkingConfig;
import java.util.Optional;

/**
 * What a CLI process was fixed to by its first turn: the argv (model tier, partial messages, thinking, persistence)
 * and the system prompt of its {@code initialize} request; a later turn may run in it only if it asks for the same.
 */
record LiveKey(ModelTier tier, boolean partialMessages, Optional<ThinkingConfig> thinking,
               Optional<String> systemPrompt, boolean persistSession) {

    static LiveKey of(TurnRequest request) {
        return new LiveKey(request.model(), request.partialMessages(), request.thinking(), request.systemPrompt(),
                request.persistSession());
    }
}
