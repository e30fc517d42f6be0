package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.RequestStats;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counts ended requests since the server started: totals, errors, durations, per model and per outcome. */
final class RequestCounters {

    private final Instant startedAt;
    private final Map<String, long[]> byModel = new HashMap<>(); // requests, errors, duration sum in ms
    private final Map<String, Long> byOutcome = new HashMap<>();
    private long completed;
    private long errors;
    private long durationSumMs;

    RequestCounters(Instant startedAt) {
        this.startedAt = startedAt;
    }

    synchronized void count(Trace trace) {
        boolean error = trace.status() == TraceStatus.ERROR;
        long durationMs = trace.times().totalDuration().map(Duration::toMillis).orElse(0L);
        if (error) {
            errors++;
        } else {
            completed++;
        }
        durationSumMs += durationMs;
        long[] model = byModel.computeIfAbsent(trace.request().model(), m -> new long[3]);
        model[0]++;
        model[1] += error ? 1 : 0;
        model[2] += durationMs;
        byOutcome.merge(trace.outcome().wireName(), 1L, Long::sum);
    }

    synchronized RequestStats stats(Instant now, int active) {
        long ended = completed + errors;
        Map<String, RequestStats.ModelStats> models = new HashMap<>();
        byModel.forEach((name, m) -> models.put(name, new RequestStats.ModelStats(m[0], m[1], (double) m[2] / m[0])));
        return new RequestStats(Duration.between(startedAt, now), ended + active, completed, errors, active,
                ended == 0 ? 0 : (double) durationSumMs / ended, models, byOutcome);
    }
}
