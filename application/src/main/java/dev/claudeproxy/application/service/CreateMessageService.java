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
import dev.claudeproxy.domain.session.Session;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one CLI turn per request, resuming the conversation's CLI session when there is one and falling back
 * to the full context when the resume fails; the streamed and the whole reply share this one core.
 */
public final class CreateMessageService implements CreateMessageUseCase {

    /** Failures of a resumed turn that a full-context turn may not repeat; upstream trouble would. */
    private static final Set<FailureKind> RESUME_FALLBACK =
            EnumSet.of(FailureKind.RESUME_NOT_FOUND, FailureKind.CLI_ERROR, FailureKind.CLI_CRASHED);

    private final ClaudeRunner runner;
    private final AdmissionQueue queue;
    private final IdGenerator ids;
    private final Duration streamCommitGrace;
    private final Optional<ConversationSessions> sessions;
    private final Watchdogs watchdogs;
    private final RequestTraces traces;

    /** A service without sessions: every turn gets the full context and leaves no CLI transcript. */
    public CreateMessageService(ClaudeRunner runner, AdmissionQueue queue, IdGenerator ids,
                                Duration streamCommitGrace) {
        this(runner, queue, ids, streamCommitGrace, Optional.empty());
    }

    /** A service without watchdogs. */
    public CreateMessageService(ClaudeRunner runner, AdmissionQueue queue, IdGenerator ids,
                                Duration streamCommitGrace, Optional<ConversationSessions> sessions) {
        this(runner, queue, ids, streamCommitGrace, sessions, Watchdogs.unlimited());
    }

    /** A service whose traces are kept only while their requests run. */
    public CreateMessageService(ClaudeRunner runner, AdmissionQueue queue, IdGenerator ids,
                                Duration streamCommitGrace, Optional<ConversationSessions> sessions,
                                Watchdogs watchdogs) {
        this(runner, queue, ids, streamCommitGrace, sessions, watchdogs, RequestTraces.unstored(Clock.systemUTC()));
    }

    /**
     * @param streamCommitGrace how long a stream may wait for the upstream's first event before its
     *                          HTTP status is committed anyway
     * @param sessions          where conversations keep their CLI sessions; empty to keep none
     * @param watchdogs         the limits that kill a CLI run that stalls, lasts or writes too long
     * @param traces            where each request's trace is recorded
     */
    public CreateMessageService(ClaudeRunner runner, AdmissionQueue queue, IdGenerator ids,
                                Duration streamCommitGrace, Optional<ConversationSessions> sessions,
                                Watchdogs watchdogs, RequestTraces traces) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.streamCommitGrace = Objects.requireNonNull(streamCommitGrace, "streamCommitGrace");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.watchdogs = Objects.requireNonNull(watchdogs, "watchdogs");
        this.traces = Objects.requireNonNull(traces, "traces");
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

    private void run(CreateMessageCommand command, boolean streaming, Consumer<ReplyEvent> clientSink) {
        ToolOffer tools = command.toolOffer();
        Prompt full = PromptRenderer.fullContext(command.system(), command.messages(), tools);
        TraceRecorder trace = traces.begin(command, streaming, full, tools.active());
        Consumer<ReplyEvent> sink = new TracingSink(clientSink, trace);
        int estimatedInput = TokenEstimator.ofText(full.systemPrompt().orElse(""))
                + TokenEstimator.ofText(full.userText()) + full.imageCount() * TokenEstimator.IMAGE_TOKENS;
        boolean showThinking = command.thinking().map(ThinkingConfig::showsThinking).orElse(false);
        ReplyTranslator translator = new ReplyTranslator(ids.next(Ids.MESSAGE), command.model(), showThinking,
                estimatedInput, tools.active() ? () -> ids.next(Ids.TOOL_USE) : null, sink);
        Optional<String> conversation = sessions.isPresent() ? command.conversationId() : Optional.empty();
        long deadline = System.nanoTime() + queue.timeout().toNanos();
        trace.queued();
        try (ConversationLocks.Lease lease = conversation.isEmpty() ? () -> { }
                : sessions.orElseThrow().enter(conversation.get(), queue.timeout())) {
            AdmissionQueue.Slot slot = lease == null ? null
                    : queue.acquire(Duration.ofNanos(deadline - System.nanoTime()));
            if (slot == null) {
                sink.accept(new ReplyEvent.Failed(AdmissionQueue.busy()));
                return;
            }
            try (slot) {
                trace.acquired();
                long runDeadline = System.nanoTime() + watchdogs.maxDuration().toNanos();
                converse(command, tools, conversation, full, streaming, translator, runDeadline, trace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            translator.accept(TurnEvent.Failed.of(FailureKind.CANCELLED, "The request was interrupted."));
        } finally {
            trace.outputChars(translator.outputChars());
            traces.end(trace);
        }
    }

    /** One answer: the resumed turn if the conversation has a session, else (or if that fails early) the full one. */
    private void converse(CreateMessageCommand command, ToolOffer tools, Optional<String> conversation, Prompt full,
                          boolean streaming, ReplyTranslator translator, long runDeadline, TraceRecorder trace) {
        int messageCount = command.messages().size();
        Optional<Session> resumable = conversation.flatMap(
                id -> sessions.orElseThrow().resumable(id, command.model(), messageCount));
        if (resumable.isPresent()) {
            Session session = resumable.get();
            Prompt resumed = PromptRenderer.resumed(command.system(), command.messages(), tools);
            TurnOutcome outcome = attempt(request(command, resumed, Optional.of(session.cliSessionId()), streaming,
                    true), translator, streaming, runDeadline, trace);
            switch (outcome) {
                case TurnOutcome.Completed done -> {
                    sessions.orElseThrow().resumed(session, messageCount);
                    translator.accept(done.event());
                    return;
                }
                case TurnOutcome.FailedEarly failed when RESUME_FALLBACK.contains(failed.event().kind()) -> {
                    trace.resumeFailed();
                    sessions.orElseThrow().resumeFailed(session);
                }
                case TurnOutcome.FailedEarly failed -> {
                    translator.accept(failed.event());
                    return;
                }
                case TurnOutcome.Ended ended -> {
                    return;
                }
            }
        }
        TurnOutcome outcome = attempt(request(command, full, Optional.empty(), streaming, conversation.isPresent()),
                translator, streaming, runDeadline, trace);
        switch (outcome) {
            case TurnOutcome.Completed done -> {
                if (conversation.isPresent() && done.cliSessionId().isPresent()) {
                    sessions.orElseThrow().started(conversation.get(), done.cliSessionId().get(), command.model(),
                            messageCount, resumable);
                }
                translator.accept(done.event());
            }
            case TurnOutcome.FailedEarly failed -> translator.accept(failed.event());
            case TurnOutcome.Ended ended -> {
            }
        }
    }

    private static TurnRequest request(CreateMessageCommand command, Prompt prompt, Optional<String> resume,
                                       boolean streaming, boolean persist) {
        return new TurnRequest(ModelTier.forRequestedModel(command.model()), prompt.systemPrompt(),
                prompt.userContent(), command.thinking(), resume, streaming, persist);
    }

    private TurnOutcome attempt(TurnRequest request, ReplyTranslator translator, boolean streaming,
                                long runDeadline, TraceRecorder trace) {
        trace.cliStarting(request.resumeSessionId().isPresent());
        try (ClaudeTurn turn = runner.start(request)) {
            return drive(turn, translator, streaming ? streamCommitGrace : null, runDeadline, trace);
        }
    }

    /** Feeds the turn's events to the translator until the turn completes or fails, or a watchdog kills it. */
    private TurnOutcome drive(ClaudeTurn turn, ReplyTranslator translator, Duration grace, long runDeadline,
                              TraceRecorder trace) {
        long now = System.nanoTime();
        long commitBy = grace == null ? Long.MAX_VALUE : now + grace.toNanos();
        long stallBy = now + watchdogs.stallTimeout().toNanos();
        Optional<String> cliSessionId = Optional.empty();
        try {
            while (true) {
                long wakeAt = Math.min(stallBy, runDeadline);
                if (!translator.started() && grace != null) {
                    wakeAt = Math.min(wakeAt, commitBy);
                }
                TurnEvent event = turn.next(Duration.ofNanos(Math.max(0, wakeAt - System.nanoTime())));
                now = System.nanoTime();
                if (event != null) {
                    stallBy = now + watchdogs.stallTimeout().toNanos();
                    trace.cliEvent(TurnEvents.typeName(event));
                    if (event instanceof TurnEvent.Completed || event instanceof TurnEvent.Failed) {
                        trace.cliDone();
                    }
                } else if (now - runDeadline >= 0) {
                    return kill(turn, translator, trace, FailureKind.TIMED_OUT, "The request took longer than the "
                            + "maximum duration of " + watchdogs.maxDuration().toMillis() + " ms; the CLI was stopped.");
                } else if (now - stallBy >= 0) {
                    trace.stalled();
                    return kill(turn, translator, trace, FailureKind.STALLED, "The Claude CLI produced no output for "
                            + watchdogs.stallTimeout().toMillis() + " ms; it was stopped.");
                }
                switch (event) {
                    case null -> {
                        if (!translator.started() && now - commitBy >= 0) {
                            translator.startNow();
                        }
                    }
                    case TurnEvent.SessionStarted started -> {
                        cliSessionId = Optional.of(started.sessionId());
                        trace.cliSession(started.sessionId());
                    }
                    case TurnEvent.Completed completed -> {
                        return new TurnOutcome.Completed(completed, cliSessionId);
                    }
                    case TurnEvent.Failed failed when !translator.sawModelOutput() -> {
                        return new TurnOutcome.FailedEarly(failed);
                    }
                    default -> {
                        if (translator.accept(event)) {
                            return new TurnOutcome.Ended();
                        }
                        if (translator.outputChars() > watchdogs.maxOutputChars()) {
                            return kill(turn, translator, trace, FailureKind.OUTPUT_LIMIT, "The answer exceeded the "
                                    + "maximum output of " + watchdogs.maxOutputChars() + " characters; the CLI was "
                                    + "stopped.");
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn.cancel();
            trace.cliDone();
            translator.accept(TurnEvent.Failed.of(FailureKind.CANCELLED, "The request was interrupted."));
            return new TurnOutcome.Ended();
        }
    }

    /** Kills the CLI (with its children) at once and ends the reply with the watchdog's error. */
    private static TurnOutcome kill(ClaudeTurn turn, ReplyTranslator translator, TraceRecorder trace,
                                    FailureKind kind, String message) {
        turn.cancel();
        trace.cliDone();
        translator.accept(TurnEvent.Failed.of(kind, message));
        return new TurnOutcome.Ended();
    }
}
