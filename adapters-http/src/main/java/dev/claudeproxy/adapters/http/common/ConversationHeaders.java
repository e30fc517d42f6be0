package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** The conversation a client names in {@code x-conversation-id} or {@code x-session-id}, on both APIs. */
public final class ConversationHeaders {

    private static final HeaderName CONVERSATION_ID = HeaderNames.create("x-conversation-id");
    private static final HeaderName SESSION_ID = HeaderNames.create("x-session-id");

    private ConversationHeaders() {
    }

    /** {@code command} for the conversation the request's headers name, if they name one. */
    public static CreateMessageCommand apply(ServerRequest req, CreateMessageCommand command) {
        return command.withConversation(req.headers().first(CONVERSATION_ID), req.headers().first(SESSION_ID));
    }
}
