package dev.claudeproxy.domain.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A trace's derived timings, outcomes named from error reasons, and its one JSON form. */
class TraceTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final TraceRequest REQUEST = new TraceRequest("req_1", "/v1/messages", "claude-opus-4", "opus",
            true, false, false, 10, 3, 1, 100, "127.0.0.1", "agent");

    @Test
    void derivedTimings_comeFromTheSteps_andAreEmptyUntilBothEndsAreKnown() {
        TraceTimes times = new TraceTimes(T0, T0.plusMillis(1), T0.plusMillis(11), T0.plusMillis(12),
                T0.plusMillis(400), T0.plusMillis(900), T0.plusMillis(905));

        assertThat(times.queueWait()).contains(Duration.ofMillis(10));
        assertThat(times.timeToFirstToken()).contains(Duration.ofMillis(400));
        assertThat(times.cliDuration()).contains(Duration.ofMillis(888));
        assertThat(times.totalDuration()).contains(Duration.ofMillis(905));
        assertThat(TraceTimes.receivedAt(T0).timeToFirstToken()).isEmpty();
        assertThat(TraceTimes.receivedAt(T0).totalDuration()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"stalled,STALL_TIMEOUT", "timed_out,MAX_DURATION", "output_limit,MAX_OUTPUT",
            "cancelled,CLIENT_DISCONNECT", "queue_timeout,QUEUE_TIMEOUT", "cli_error,CLI_ERROR",
            "upstream_rate_limited,UPSTREAM_RATE_LIMITED", "something_new,INTERNAL_ERROR"})
    void outcomes_areNamedFromTheReplyErrorsReason(String reason, TraceOutcome outcome) {
        assertThat(TraceOutcome.forReason(reason)).isEqualTo(outcome);
        assertThat(TraceOutcome.fromWireName(outcome.wireName())).isEqualTo(outcome);
    }

    @Test
    void anEndedTrace_needsAnOutcome_andItsStatusFollowsThePhase() {
        assertThatThrownBy(() -> trace(TracePhase.ERROR, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(trace(TracePhase.SDK_STREAMING, null).status()).isEqualTo(TraceStatus.ACTIVE);
        assertThat(trace(TracePhase.COMPLETED, TraceOutcome.COMPLETED).status()).isEqualTo(TraceStatus.COMPLETED);
        assertThat(trace(TracePhase.ERROR, TraceOutcome.CLI_ERROR).status()).isEqualTo(TraceStatus.ERROR);
        assertThat(TracePhase.fromWireName("sdk_streaming")).isEqualTo(TracePhase.SDK_STREAMING);
    }

    @Test
    void theJsonForm_carriesEveryFieldAndTheDerivedTimings() {
        Trace trace = new Trace(REQUEST, new TraceTimes(T0, T0, T0.plusMillis(2), T0.plusMillis(3),
                T0.plusMillis(50), T0.plusMillis(90), T0.plusMillis(95)), TracePhase.ERROR,
                new CliActivity(4, "error", 12, 1, 0), TraceOutcome.CLI_ERROR, "api_error", "said \"no\"\n",
                Usage.of(5, 6), new TraceSession("conv", "cli-1", true, false));

        JsonValue.JsonObject json = (JsonValue.JsonObject) JsonParser.parse(TraceJson.of(trace).toJson());

        assertThat(json.members()).containsKeys("reqId", "route", "model", "requestedModel", "stream", "hasTools",
                "thinking", "promptLen", "systemLen", "messageCount", "bodyBytes", "clientIp", "userAgent", "phase",
                "status", "outcome", "error", "receivedAt", "queuedAt", "acquiredAt", "cliStartedAt", "firstTokenAt",
                "cliDoneAt", "completedAt", "queueWaitMs", "ttftMs", "cliDurationMs", "totalDurationMs",
                "cliEventCount", "lastEventType", "outputLen", "toolCallCount", "stallCount", "usage", "session");
        assertThat(json.members().get("ttftMs").toJson()).isEqualTo("50");
        assertThat(json.members().get("phase").toJson()).isEqualTo("\"error\"");
        assertThat(json.members().get("error").toJson()).isEqualTo("{\"type\":\"api_error\",\"message\":\"said \\\"no\\\"\\n\"}");
        assertThat(json.members().get("session").toJson()).contains("\"conversationId\":\"conv\"");
    }

    @Test
    void anActiveTrace_hasNullTimesAndNoOutcomeInJson() {
        String json = TraceJson.of(trace(TracePhase.QUEUED, null)).toJson();

        assertThat(json).contains("\"outcome\":null", "\"completedAt\":null", "\"ttftMs\":null", "\"error\":null");
    }

    private static Trace trace(TracePhase phase, TraceOutcome outcome) {
        return new Trace(REQUEST, TraceTimes.receivedAt(T0), phase, CliActivity.NONE, outcome, null, null, null,
                TraceSession.NONE);
    }
}
