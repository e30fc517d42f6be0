package dev.claudeproxy.application.port.out;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.ThinkingConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CLI turn to run: model, optional system prompt, the user turn's content (text and image blocks),
 * thinking, an optional CLI session to resume, whether to stream partial messages and whether the CLI
 * may keep a transcript of the session on disk.
 */
public record TurnRequest(ModelTier model, Optional<String> systemPrompt, List<ContentBlock> userContent,
                          Optional<ThinkingConfig> thinking, Optional<String> resumeSessionId,
                          boolean partialMessages, boolean persistSession) {

    public TurnRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        userContent = List.copyOf(userContent);
        if (userContent.isEmpty()) {
            throw new IllegalArgumentException("a turn needs user content");
        }
        Objects.requireNonNull(thinking, "thinking");
        Objects.requireNonNull(resumeSessionId, "resumeSessionId");
    }
}
