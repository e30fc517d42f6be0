package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.SequenceIds;
import dev.claudeproxy.application.testing.TurnScript;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.reply.ReplyException;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Stall, duration and output limits kill the CLI run and answer with the right error (SPEC §8). */
class CreateMessageWatchdogsTest {

    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofSeconds(30);

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();
    private final CountDownLatch never = new CountDownLatch(1);

    @Test
    void aSilentCli_isKilledAfterTheStallTimeout_asA504() {
        runner.willPlay(TurnScript.of(new TurnEvent.SessionStarted("s", "m")).holdUntil(never));

        assertThatThrownBy(() -> service(new Watchdogs(SHORT, LONG, 1_000)).create(Requests.ask("Hi")))
                .isInstanceOfSatisfying(ReplyException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
                    assertThat(e.error().reason()).isEqualTo("stalled");
                });
        assertThat(runner.lastTurn().cancelled()).isTrue();
    }

    @Test
    void aRunPastTheMaximumDuration_isKilled_asA504() {
        runner.willPlay(TurnScript.heldUntil(never));

        assertThatThrownBy(() -> service(new Watchdogs(LONG, SHORT, 1_000)).create(Requests.ask("Hi")))
                .isInstanceOfSatisfying(ReplyException.class,
                        e -> assertThat(e.error().reason()).isEqualTo("timed_out"));
        assertThat(runner.lastTurn().cancelled()).isTrue();
    }

    @Test
    void tooMuchOutput_midStream_endsTheStreamWithAnErrorAfterTheTextSent() {
        runner.willPlay(TurnScript.of(new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.TEXT),
                new TurnEvent.TextDelta(0, "12345"),
                new TurnEvent.TextDelta(0, "67890")).holdUntil(never));
        RecordingSink sink = new RecordingSink();

        service(new Watchdogs(LONG, LONG, 8)).stream(Requests.ask("Hi"), sink);

        assertThat(sink.events()).contains(new ReplyEvent.TextDelta(0, "12345"));
        assertThat(sink.events().getLast()).isInstanceOfSatisfying(ReplyEvent.Failed.class, f -> {
            ReplyError error = f.error();
            assertThat(error.kind()).isEqualTo(ErrorKind.API_ERROR);
            assertThat(error.reason()).isEqualTo("output_limit");
        });
        assertThat(runner.lastTurn().cancelled()).isTrue();
    }

    @Test
    void eventsKeepTheStallTimerFromFiring_andATurnWithinTheLimitsCompletes() {
        runner.willPlay(Turns.text(Usage.of(3, 2), "Hello"));

        assertThat(service(new Watchdogs(SHORT, Duration.ofSeconds(5), 5)).create(Requests.ask("Hi")).content())
                .hasSize(1);
        assertThat(runner.lastTurn().cancelled()).isFalse();
    }

    private CreateMessageService service(Watchdogs watchdogs) {
        return new CreateMessageService(runner, new AdmissionQueue(1, Duration.ofSeconds(5)), new SequenceIds(),
                Duration.ofSeconds(5), Optional.empty(), watchdogs);
    }
}
