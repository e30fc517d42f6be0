package dev.claudeproxy.adapters.http;

import dev.claudeproxy.application.port.in.InspectRequestsUseCase;
import dev.claudeproxy.application.port.in.RequestStats;
import dev.claudeproxy.application.port.out.LogFiles;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Debug answers a test sets up; records what was asked, and refuses what the real service refuses. */
public final class FakeInspect implements InspectRequestsUseCase {

    public final List<Trace> traces = new CopyOnWriteArrayList<>();
    public final List<Trace> live = new CopyOnWriteArrayList<>();
    public final Map<String, String> dumps = new java.util.concurrent.ConcurrentHashMap<>();
    public final Map<String, List<String>> logs = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<String> asked = new CopyOnWriteArrayList<>();
    public volatile RequestStats stats = new RequestStats(Duration.ofSeconds(3723), 3, 2, 1, 0, 150.0,
            Map.of("sonnet", new RequestStats.ModelStats(3, 1, 150.0)), Map.of("completed", 2L, "cli_error", 1L));

    @Override
    public RequestStats stats() {
        return stats;
    }

    @Override
    public List<Trace> active() {
        return List.copyOf(live);
    }

    @Override
    public List<Trace> recent(int limit) {
        asked.add("recent " + limit);
        checkLimit(limit, 1000);
        return traces.stream().limit(limit).toList();
    }

    @Override
    public Optional<Trace> trace(String requestId) {
        asked.add("trace " + requestId);
        return traces.stream().filter(t -> t.id().equals(requestId)).findFirst();
    }

    @Override
    public List<Trace> recentErrors(int limit) {
        asked.add("errors " + limit);
        checkLimit(limit, 1000);
        return traces.stream().filter(t -> !t.errorType().isEmpty()).limit(limit).toList();
    }

    @Override
    public Optional<String> errorDump(String requestId) {
        asked.add("dump " + requestId);
        if (!requestId.matches("[A-Za-z0-9_.:\\-]{1,128}")) {
            throw new InvalidRequestException("id: must be a request id");
        }
        return Optional.ofNullable(dumps.get(requestId));
    }

    @Override
    public String logLocation() {
        return "/var/log/claude-proxy";
    }

    @Override
    public List<String> logFiles() {
        return logs.keySet().stream().sorted().toList();
    }

    @Override
    public Optional<LogFiles.LogTail> logTail(String file, int lines) {
        asked.add("tail " + file + " " + lines);
        if (!file.matches("proxy-\\d{4}-\\d{2}-\\d{2}\\.log")) {
            throw new InvalidRequestException("file: must be a log file name like proxy-2026-01-31.log");
        }
        checkLimit(lines, 10_000);
        List<String> all = logs.get(file);
        return all == null ? Optional.empty() : Optional.of(new LogFiles.LogTail(file, all.size(),
                all.subList(Math.max(0, all.size() - lines), all.size())));
    }

    private static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidRequestException("limit: must be between 1 and " + max);
        }
    }
}
