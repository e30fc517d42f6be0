package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.RequestOrigin;
import dev.claudeproxy.application.port.in.RequestStats;
import dev.claudeproxy.application.port.out.ErrorDumps;
import dev.claudeproxy.application.port.out.TraceListener;
import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.json.JsonObjectBuilder;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.prompt.Prompt;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceJson;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The traces of requests: opens one per request, keeps the live ones, and when one ends counts it, stores it,
 * tells the listeners, logs it and dumps a failure's context. Recording never costs a client its answer.
 */
public final class RequestTraces {

    private static final System.Logger LOG = System.getLogger(RequestTraces.class.getName());

    private final Clock clock;
    private final Optional<TraceRepository> repository;
    private final Optional<ErrorDumps> dumps;
    private final List<TraceListener> listeners;
    private final Map<String, Object> limits;
    private final Map<String, TraceRecorder> live = new ConcurrentHashMap<>();
    private final RequestCounters counters;

    /**
     * @param limits the settings a failure's dump records (watchdog limits and the like)
     */
    public RequestTraces(Clock clock, Optional<TraceRepository> repository, Optional<ErrorDumps> dumps,
                         List<TraceListener> listeners, Map<String, Object> limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.dumps = Objects.requireNonNull(dumps, "dumps");
        this.listeners = List.copyOf(listeners);
        this.limits = Map.copyOf(limits);
        this.counters = new RequestCounters(clock.instant());
    }

    /** Traces kept only while their requests run: nothing is stored, dumped or told. */
    public static RequestTraces unstored(Clock clock) {
        return new RequestTraces(clock, Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    TraceRecorder begin(CreateMessageCommand command, boolean stream, Prompt prompt, boolean hasTools) {
        RequestOrigin origin = command.origin();
        Instant received = origin.receivedAt().orElseGet(clock::instant);
        TraceRequest request = new TraceRequest(command.requestId(), origin.route(), command.model(),
                ModelTier.forRequestedModel(command.model()).cliAlias(), stream, hasTools,
                command.thinking().isPresent(), prompt.userText().length(),
                prompt.systemPrompt().map(String::length).orElse(0), command.messages().size(),
                origin.bodyBytes(), origin.clientIp(), origin.userAgent());
        TraceRecorder recorder = new TraceRecorder(clock, request, command.conversationId().orElse(""), received);
        live.put(recorder.id(), recorder);
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) { // the fields are built only when the line is written
            LOG.log(System.Logger.Level.DEBUG, "request.received", Map.of("reqId", recorder.id(),
                    "model", command.model(), "stream", stream, "messages", command.messages().size()));
        }
        return recorder;
    }

    /** Ends a request's trace; whatever fails here is logged, never thrown. */
    void end(TraceRecorder recorder) {
        Trace trace = recorder.end();
        live.remove(recorder.id(), recorder);
        counters.count(trace);
        logEnd(trace);
        if (trace.status() == TraceStatus.ERROR) {
            dumps.ifPresent(d -> quietly("error dump", trace, () -> d.write(trace.id(), dump(trace))));
        }
        repository.ifPresent(r -> quietly("trace store", trace, () -> r.save(trace)));
        for (TraceListener listener : listeners) {
            quietly("trace listener", trace, () -> listener.ended(trace));
        }
    }

    /** The requests running now, oldest first. */
    public List<Trace> active() {
        return live.values().stream().map(TraceRecorder::snapshot)
                .sorted(Comparator.comparing((Trace t) -> t.times().received()))
                .toList();
    }

    /** The trace of a running request. */
    public Optional<Trace> activeTrace(String requestId) {
        return Optional.ofNullable(live.get(requestId)).map(TraceRecorder::snapshot);
    }

    public RequestStats stats() {
        return counters.stats(clock.instant(), live.size());
    }

    private String dump(Trace trace) {
        JsonObjectBuilder limitsJson = new JsonObjectBuilder();
        limits.forEach((name, value) -> limitsJson.put(name, String.valueOf(value)));
        return new JsonObjectBuilder()
                .put("reqId", trace.id())
                .put("dumpedAt", clock.instant().toString())
                .put("error", new JsonObjectBuilder().put("type", trace.errorType())
                        .put("message", trace.errorMessage()).put("outcome", trace.outcome().wireName()).build())
                .put("limits", limitsJson.build())
                .put("trace", TraceJson.of(trace))
                .build().toJson();
    }

    private static void logEnd(Trace trace) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reqId", trace.id());
        fields.put("route", trace.request().route());
        fields.put("model", trace.request().requestedModel());
        fields.put("stream", trace.request().stream());
        fields.put("outcome", trace.outcome().wireName());
        trace.times().queueWait().ifPresent(d -> fields.put("queueWaitMs", d.toMillis()));
        trace.times().timeToFirstToken().ifPresent(d -> fields.put("ttftMs", d.toMillis()));
        trace.times().totalDuration().ifPresent(d -> fields.put("durationMs", d.toMillis()));
        fields.put("outputLen", trace.cli().outputChars());
        fields.put("toolCalls", trace.cli().toolCallCount());
        if (trace.status() == TraceStatus.ERROR) {
            fields.put("errorType", trace.errorType());
            fields.put("error", trace.errorMessage());
            log(System.Logger.Level.WARNING, "request.error", fields);
        } else {
            log(System.Logger.Level.INFO, "request.completed", fields);
        }
    }

    /** Logs a structured event: the message is the event name, the one parameter its fields. */
    static void log(System.Logger.Level level, String event, Map<String, ?> fields) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, event, fields);
        }
    }

    private static void quietly(String what, Trace trace, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "trace.record_failed", Map.of("reqId", trace.id(), "step", what,
                    "error", String.valueOf(e)));
        }
    }
}
