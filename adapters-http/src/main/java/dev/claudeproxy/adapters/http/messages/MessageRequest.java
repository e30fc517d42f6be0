package dev.claudeproxy.adapters.http.messages;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import java.util.Objects;

/** A parsed Messages request: the command for the use case and whether the caller wants a stream. */
record MessageRequest(CreateMessageCommand command, boolean stream) {

    MessageRequest {
        Objects.requireNonNull(command, "command");
    }
}
