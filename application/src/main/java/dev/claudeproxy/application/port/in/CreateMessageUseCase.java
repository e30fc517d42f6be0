package dev.claudeproxy.application.port.in;

import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ReplyEvent;
import java.util.function.Consumer;

/** Answers a conversation with one assistant reply from the Claude Code CLI, whole or as a stream. */
public interface CreateMessageUseCase {

    /**
     * Streams the reply to {@code sink}: a {@code Started} event once the answer is committed, then its
     * blocks and a {@code Finished} — or a {@code Failed} at any point. If the sink throws (the client went
     * away), the CLI turn is cancelled and the exception propagates.
     */
    void stream(CreateMessageCommand command, Consumer<ReplyEvent> sink);

    /** The whole reply: the fold of the same stream; failures are thrown as {@code ReplyException}. */
    AssistantReply create(CreateMessageCommand command);
}
