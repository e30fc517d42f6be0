package dev.claudeproxy.domain.prompt;

import dev.claudeproxy.domain.message.ContentBlock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one CLI turn receives: an optional system prompt and the user turn's content
 * (text and native image blocks), plus the user turn as plain text for counting and logs.
 */
public record Prompt(Optional<String> systemPrompt, List<ContentBlock> userContent, String userText) {

    public Prompt {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        userContent = List.copyOf(userContent);
        Objects.requireNonNull(userText, "userText");
        for (ContentBlock b : userContent) {
            if (!(b instanceof ContentBlock.Text) && !(b instanceof ContentBlock.Image)) {
                throw new IllegalArgumentException("a CLI user turn holds only text and image blocks");
            }
        }
    }

    public int imageCount() {
        return (int) userContent.stream().filter(ContentBlock.Image.class::isInstance).count();
    }
}
