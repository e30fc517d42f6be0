package dev.claudeproxy.adapters.http.openai;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import java.util.Objects;

/** A parsed Chat Completions request: the use case's command, whether to stream, and whether to add usage. */
record ChatRequest(CreateMessageCommand command, boolean stream, boolean includeUsage) {

    ChatRequest {
        Objects.requireNonNull(command, "command");
    }
}
