package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.InspectRequestsUseCase;
import dev.claudeproxy.application.port.in.RequestStats;
import dev.claudeproxy.application.port.out.ErrorDumps;
import dev.claudeproxy.application.port.out.LogFiles;
import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.trace.Trace;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Answers the debug questions from the live traces, the trace store, the error dumps and the log files. */
public final class InspectRequestsService implements InspectRequestsUseCase {

    /** The most traces or errors one call returns. */
    public static final int MAX_LIMIT = 1000;
    /** The most log lines one call returns. */
    public static final int MAX_TAIL = 10_000;

    private static final Pattern LOG_FILE = Pattern.compile("proxy-\\d{4}-\\d{2}-\\d{2}\\.log");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");

    private final RequestTraces traces;
    private final TraceRepository repository;
    private final ErrorDumps dumps;
    private final LogFiles logs;

    public InspectRequestsService(RequestTraces traces, TraceRepository repository, ErrorDumps dumps,
                                  LogFiles logs) {
        this.traces = Objects.requireNonNull(traces, "traces");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.dumps = Objects.requireNonNull(dumps, "dumps");
        this.logs = Objects.requireNonNull(logs, "logs");
    }

    @Override
    public RequestStats stats() {
        return traces.stats();
    }

    @Override
    public List<Trace> active() {
        return traces.active();
    }

    @Override
    public List<Trace> recent(int limit) {
        checkLimit("limit", limit, MAX_LIMIT);
        Map<String, Trace> merged = new LinkedHashMap<>();
        traces.active().forEach(t -> merged.put(t.id(), t));
        repository.recent(limit).forEach(t -> merged.putIfAbsent(t.id(), t));
        return merged.values().stream()
                .sorted(Comparator.comparing((Trace t) -> t.times().received()).reversed())
                .limit(limit).toList();
    }

    @Override
    public Optional<Trace> trace(String requestId) {
        checkRequestId(requestId);
        return traces.activeTrace(requestId).or(() -> repository.find(requestId));
    }

    @Override
    public List<Trace> recentErrors(int limit) {
        return repository.recentErrors(checkLimit("limit", limit, MAX_LIMIT));
    }

    @Override
    public Optional<String> errorDump(String requestId) {
        checkRequestId(requestId);
        return dumps.read(requestId);
    }

    @Override
    public String logLocation() {
        return logs.location();
    }

    @Override
    public List<String> logFiles() {
        return logs.names();
    }

    @Override
    public Optional<LogFiles.LogTail> logTail(String file, int lines) {
        if (file == null || !LOG_FILE.matcher(file).matches()) {
            throw new InvalidRequestException("file: must be a log file name like proxy-2026-01-31.log");
        }
        return logs.tail(file, checkLimit("tail", lines, MAX_TAIL));
    }

    private static int checkLimit(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidRequestException(name + ": must be between 1 and " + max);
        }
        return value;
    }

    private static void checkRequestId(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidRequestException("id: must be a request id (letters, digits, _ . : -, at most 128)");
        }
    }
}
