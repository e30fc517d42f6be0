package dev.claudeproxy.application.service;

import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;
import dev.claudeproxy.domain.trace.TraceTimes;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** Collects one request's trace as it runs; the request's thread writes it, the debug endpoints read snapshots. */
final class TraceRecorder {

    private final Clock clock;
    private final TraceRequest request;
    private final String conversationId;
    private final Instant received;
    private Instant queued;
    private Instant acquired;
    private Instant cliStarted;
    private Instant firstToken;
    private Instant cliDone;
    private Instant completed;
    private TracePhase phase = TracePhase.RECEIVED;
    private int eventCount;
    private String lastEventType = "";
    private int outputChars;
    private int toolCallCount;
    private int stallCount;
    private TraceOutcome outcome;
    private ReplyError error;
    private Usage usage = Usage.ZERO;
    private String cliSessionId = "";
    private boolean resuming;
    private boolean resumeFailed;

    TraceRecorder(Clock clock, TraceRequest request, String conversationId, Instant received) {
        this.clock = clock;
        this.request = request;
        this.conversationId = conversationId;
        this.received = received;
    }

    String id() {
        return request.requestId();
    }

    synchronized void queued() {
        queued = clock.instant();
        phase = TracePhase.QUEUED;
    }

    synchronized void acquired() {
        acquired = clock.instant();
        phase = TracePhase.ACQUIRED;
    }

    /** A CLI run begins; a second one (the full-context fallback after a failed resume) keeps the first start. */
    synchronized void cliStarting(boolean resume) {
        if (cliStarted == null) {
            cliStarted = clock.instant();
        }
        resuming |= resume;
        phase = TracePhase.SDK_STARTING;
    }

    synchronized void cliEvent(String type) {
        eventCount++;
        lastEventType = type;
    }

    synchronized void cliSession(String id) {
        cliSessionId = id;
    }

    synchronized void resumeFailed() {
        resumeFailed = true;
    }

    /** The model's first output reached the reply. */
    synchronized void output() {
        if (firstToken == null) {
            firstToken = clock.instant();
            phase = TracePhase.SDK_STREAMING;
        }
    }

    synchronized void toolCall() {
        toolCallCount++;
    }

    synchronized void outputChars(int chars) {
        outputChars = Math.max(outputChars, chars);
    }

    synchronized void stalled() {
        stallCount++;
    }

    /** The CLI finished, failed, or was stopped. */
    synchronized void cliDone() {
        cliDone = clock.instant();
        phase = TracePhase.SDK_DONE;
    }

    synchronized void responding() {
        phase = TracePhase.RESPONDING;
    }

    synchronized void finished(Usage finalUsage) {
        usage = finalUsage;
        if (outcome == null) {
            outcome = TraceOutcome.COMPLETED;
        }
    }

    synchronized void failed(ReplyError failure) {
        if (error == null) {
            error = failure;
            outcome = TraceOutcome.forReason(failure.reason());
        }
    }

    /** The client went away while being answered. */
    synchronized void clientGone(String message) {
        if (error == null) {
            error = new ReplyError(ErrorKind.API_ERROR, message, "cancelled");
            outcome = TraceOutcome.CLIENT_DISCONNECT;
        }
    }

    /** Ends the trace: completed when the reply finished without error, else error. Returns the final trace. */
    synchronized Trace end() {
        if (completed == null) {
            completed = clock.instant();
            if (outcome == null) {
                outcome = TraceOutcome.INTERNAL_ERROR;
                error = new ReplyError(ErrorKind.API_ERROR,
                        "The request ended without an answer.", "internal_error");
            }
            phase = error == null ? TracePhase.COMPLETED : TracePhase.ERROR;
        }
        return snapshot();
    }

    synchronized Trace snapshot() {
        return new Trace(request, new TraceTimes(received, queued, acquired, cliStarted, firstToken, cliDone,
                completed), phase, new CliActivity(eventCount, lastEventType, outputChars, toolCallCount, stallCount),
                phase.terminal() ? outcome : null,
                error == null ? "" : error.kind().name().toLowerCase(Locale.ROOT),
                error == null ? "" : error.message(), usage,
                new TraceSession(conversationId, cliSessionId, resuming, resumeFailed));
    }
}
