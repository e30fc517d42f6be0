package dev.claudeproxy.domain.message;

import java.util.List;
import java.util.Objects;

/** One turn of a conversation: a role and its content blocks. */
public record Message(Role role, List<ContentBlock> content) {

    public Message {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(Objects.requireNonNull(content, "content"));
    }

    public static Message user(String text) {
        return new Message(Role.USER, List.of(new ContentBlock.Text(text)));
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, List.of(new ContentBlock.Text(text)));
    }

    public boolean hasImages() {
        return content.stream().anyMatch(ContentBlock.Image.class::isInstance);
    }
}
