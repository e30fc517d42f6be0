package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;
import dev.claudeproxy.domain.trace.TraceTimes;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Instant;

/** Test traces: distinct values in every field, timestamps with nanoseconds. */
public final class Traces {

    /** A point in time with all nine fraction digits set, so a store that drops precision is caught. */
    public static final Instant T0 = Instant.parse("2025-06-01T10:15:30.123456789Z");

    private Traces() {
    }

    /**
     * A streamed request received {@code seconds} after {@link #T0} that resumed its session and was answered:
     * queue wait 249 ms, time to first token 1200 ms, CLI duration 4200 ms, total 4600 ms (all plus nanoseconds).
     */
    public static Trace completed(String requestId, long seconds) {
        Instant received = T0.plusSeconds(seconds);
        TraceTimes times = new TraceTimes(received, received.plusNanos(1_000_001), received.plusNanos(250_000_002),
                received.plusNanos(300_000_003), received.plusNanos(1_200_000_004), received.plusNanos(4_500_000_005L),
                received.plusNanos(4_600_000_006L));
        return new Trace(request(requestId, true), times, TracePhase.COMPLETED,
                new CliActivity(42, "result", 1234, 2, 1), TraceOutcome.COMPLETED, "", "",
                new Usage(100, 200, 30, 40), new TraceSession("conv-" + requestId, "cli-" + requestId, true, false));
    }

    /** A request received {@code seconds} after {@link #T0} whose CLI failed after it started; a resume failed. */
    public static Trace failed(String requestId, long seconds) {
        Instant received = T0.plusSeconds(seconds);
        TraceTimes times = new TraceTimes(received, received.plusNanos(7), received.plusNanos(8),
                received.plusNanos(9), null, received.plusNanos(10), received.plusNanos(11));
        return new Trace(request(requestId, false), times, TracePhase.ERROR, new CliActivity(3, "system", 0, 0, 2),
                TraceOutcome.CLI_ERROR, "api_error", "the CLI exited with code 1", Usage.of(5, 0),
                new TraceSession("conv-" + requestId, "", false, true));
    }

    /** A request received {@code seconds} after {@link #T0} and nothing more: no other time, texts or counts. */
    public static Trace active(String requestId, long seconds) {
        TraceRequest request = new TraceRequest(requestId, "", "", "", false, false, false, 0, 0, 0, 0, "", "");
        return new Trace(request, TraceTimes.receivedAt(T0.plusSeconds(seconds)), TracePhase.RECEIVED,
                CliActivity.NONE, null, "", "", Usage.ZERO, TraceSession.NONE);
    }

    /** {@code trace} with another request (same id), e.g. one with other texts. */
    public static Trace withRequest(Trace trace, TraceRequest request) {
        return new Trace(request, trace.times(), trace.phase(), trace.cli(), trace.outcome(), trace.errorType(),
                trace.errorMessage(), trace.usage(), trace.session());
    }

    /** {@code trace} ended in {@code phase} with {@code outcome}. */
    public static Trace endedAs(Trace trace, TracePhase phase, TraceOutcome outcome) {
        return new Trace(trace.request(), trace.times(), phase, trace.cli(), outcome, trace.errorType(),
                trace.errorMessage(), trace.usage(), trace.session());
    }

    /** A request of {@code requestId}; streamed ones ask for thinking, the others declare tools. */
    public static TraceRequest request(String requestId, boolean stream) {
        return new TraceRequest(requestId, stream ? "/v1/messages" : "/v1/chat/completions", "claude-3-5-sonnet-latest",
                "sonnet", stream, !stream, stream, 1500, 300, 4, 4096, "127.0.0.1", "claude-cli/1.0 (test)");
    }
}
