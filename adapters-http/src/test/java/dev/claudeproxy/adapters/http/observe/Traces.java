package dev.claudeproxy.adapters.http.observe;

import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;
import dev.claudeproxy.domain.trace.TraceTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Ended traces for feeding request metrics: a route, the CLI tier, stream or not, the outcome and the timings. */
final class Traces {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Traces() {
    }

    /** @param firstToken null when no token came */
    static Trace ended(String route, String tier, boolean stream, TraceOutcome outcome, Duration total,
                       Duration firstToken) {
        TraceRequest request = new TraceRequest("req_" + IDS.incrementAndGet(), route, "claude-x-" + tier, tier,
                stream, false, false, 10, 0, 1, 100, "127.0.0.1", "test");
        TraceTimes times = new TraceTimes(START, START, START, START,
                firstToken == null ? null : START.plus(firstToken), START.plus(total), START.plus(total));
        TracePhase phase = outcome == TraceOutcome.COMPLETED ? TracePhase.COMPLETED : TracePhase.ERROR;
        return new Trace(request, times, phase, CliActivity.NONE, outcome, null, null, null, TraceSession.NONE);
    }
}
