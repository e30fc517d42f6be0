package dev.claudeproxy.application.service;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ReplyEvent;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Passes the reply on to the client while noting in the trace its first output, tool calls and how it ended. */
final class TracingSink implements Consumer<ReplyEvent> {

    private final Consumer<ReplyEvent> client;
    private final TraceRecorder trace;

    TracingSink(Consumer<ReplyEvent> client, TraceRecorder trace) {
        this.client = client;
        this.trace = trace;
    }

    @Override
    public void accept(ReplyEvent event) {
        switch (event) {
            case ReplyEvent.BlockStarted started -> {
                trace.output();
                if (started.initial() instanceof ContentBlock.ToolUse) {
                    trace.toolCall();
                }
            }
            case ReplyEvent.TextDelta d -> trace.output();
            case ReplyEvent.ThinkingDelta d -> trace.output();
            case ReplyEvent.InputJsonDelta d -> trace.output();
            case ReplyEvent.Finished finished -> {
                trace.responding();
                trace.finished(finished.usage());
            }
            case ReplyEvent.Failed failed -> {
                trace.responding();
                trace.failed(failed.error());
            }
            default -> {
            }
        }
        try {
            client.accept(event);
        } catch (UncheckedIOException e) { // the client's connection is gone
            trace.clientGone(e.getMessage());
            throw e;
        }
    }
}
