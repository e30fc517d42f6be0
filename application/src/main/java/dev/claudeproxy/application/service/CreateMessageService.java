package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.CreateMessageUseCase;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.IdGenerator;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.id.Ids;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolOffer;
import dev.claudeproxy.domain.prompt.Prompt;
import dev.claudeproxy.domain.prompt.PromptRenderer;
import dev.claudeproxy.domain.prompt.TokenEstimator;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ReplyAssembler;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs one CLI turn per request; the streamed and the whole reply share this one core. */
public final class CreateMessageService implements CreateMessageUseCase {

    private final ClaudeRunner runner;
    private final AdmissionQueue queue;
    private final IdGenerator ids;
    private final Duration streamCommitGrace;

    /**
     * @param streamCommitGrace how long a stream may wait for the upstream's first event before its
     *                          HTTP status is committed anyway
     */
    public CreateMessageService(ClaudeRunner runner, AdmissionQueue queue, IdGenerator ids,
                                Duration streamCommitGrace) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.streamCommitGrace = Objects.requireNonNull(streamCommitGrace, "streamCommitGrace");
    }

    @Override
    public AssistantReply create(CreateMessageCommand command) {
        ReplyAssembler assembler = new ReplyAssembler();
        run(command, false, assembler);
        return assembler.reply();
    }

    @Override
    public void stream(CreateMessageCommand command, Consumer<ReplyEvent> sink) {
        run(command, true, sink);
    }

    private void run(CreateMessageCommand command, boolean streaming, Consumer<ReplyEvent> sink) {
        ToolOffer tools = command.toolOffer();
        Prompt prompt = PromptRenderer.fullContext(command.system(), command.messages(), tools);
        TurnRequest request = new TurnRequest(ModelTier.forRequestedModel(command.model()), prompt.systemPrompt(),
                prompt.userContent(), command.thinking(), Optional.empty(), streaming, false);
        int estimatedInput = TokenEstimator.ofText(prompt.systemPrompt().orElse(""))
                + TokenEstimator.ofText(prompt.userText()) + prompt.imageCount() * TokenEstimator.IMAGE_TOKENS;
        boolean showThinking = command.thinking().map(ThinkingConfig::showsThinking).orElse(false);
        ReplyTranslator translator = new ReplyTranslator(ids.next(Ids.MESSAGE), command.model(), showThinking,
                estimatedInput, tools.active() ? () -> ids.next(Ids.TOOL_USE) : null, sink);
        AdmissionQueue.Slot slot;
        try {
            slot = queue.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            translator.accept(TurnEvent.Failed.of(FailureKind.CANCELLED, "The request was interrupted."));
            return;
        }
        if (slot == null) {
            sink.accept(new ReplyEvent.Failed(AdmissionQueue.busy()));
            return;
        }
        try (slot; ClaudeTurn turn = runner.start(request)) {
            drive(turn, translator, streaming ? streamCommitGrace : null);
        }
    }

    private static void drive(ClaudeTurn turn, ReplyTranslator translator, Duration grace) {
        long commitBy = grace == null ? Long.MAX_VALUE : System.nanoTime() + grace.toNanos();
        try {
            while (true) {
                Duration wait = translator.started() || grace == null
                        ? Duration.ofDays(1)
                        : Duration.ofNanos(Math.max(0, commitBy - System.nanoTime()));
                TurnEvent event = turn.next(wait);
                if (event == null) {
                    if (!translator.started() && System.nanoTime() - commitBy >= 0) {
                        translator.startNow();
                    }
                    continue;
                }
                if (translator.accept(event)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn.cancel();
            translator.accept(TurnEvent.Failed.of(FailureKind.CANCELLED, "The request was interrupted."));
        }
    }
}
