package dev.claudeproxy.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.id.Ids;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The test double keeps the {@code ClaudeTurn} contract, so service tests can trust it. */
class ScriptedClaudeRunnerTest {

    private static final Duration SHORT = Duration.ofMillis(20);
    private static final Duration LONG = Duration.ofSeconds(5);
    private static final TurnEvent.Completed DONE = new TurnEvent.Completed("hi", StopReason.END_TURN, Usage.ZERO);

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();

    @Test
    void aTurn_playsItsEventsInOrder_andRecordsTheRequest() throws Exception {
        runner.willPlay(new TurnEvent.MessageStarted(Usage.ZERO), DONE);
        TurnRequest request = request();

        try (ClaudeTurn turn = runner.start(request)) {
            assertThat(turn.next(SHORT)).isEqualTo(new TurnEvent.MessageStarted(Usage.ZERO));
            assertThat(turn.next(SHORT)).isEqualTo(DONE);
            assertThatThrownBy(() -> turn.next(SHORT)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(runner.requests()).containsExactly(request);
        assertThat(runner.lastTurn().cancelled()).isFalse();
        assertThat(runner.lastTurn().closed()).isTrue();
    }

    @Test
    void aHeldTurn_reportsNothingUntilReleased() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.willPlay(TurnScript.heldUntil(release).then(DONE));
        ClaudeTurn turn = runner.start(request());

        assertThat(turn.next(SHORT)).isNull();
        release.countDown();
        assertThat(turn.next(LONG)).isEqualTo(DONE);
    }

    @Test
    void aCancelledTurn_endsWithACancelledFailure_evenWhileHeld() throws Exception {
        runner.willPlay(TurnScript.heldUntil(new CountDownLatch(1)).then(DONE));
        ClaudeTurn turn = runner.start(request());

        turn.cancel();

        assertThat(turn.next(LONG)).isInstanceOfSatisfying(TurnEvent.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED));
        assertThat(runner.lastTurn().cancelled()).isTrue();
    }

    @Test
    void closingARunningTurn_cancelsIt_butClosingAFinishedOneDoesNot() throws Exception {
        runner.willPlay(DONE).willPlay(DONE);
        runner.start(request()).close();
        assertThat(runner.lastTurn().cancelled()).isTrue();

        ClaudeTurn finished = runner.start(request());
        finished.next(SHORT);
        finished.close();
        assertThat(runner.lastTurn().cancelled()).isFalse();
    }

    @Test
    void aScriptWithoutTerminalEvent_endsAsACrashedCli() throws Exception {
        runner.willPlay(new TurnEvent.MessageStarted(Usage.ZERO));
        ClaudeTurn turn = runner.start(request());

        turn.next(SHORT);
        assertThat(turn.next(SHORT)).isInstanceOfSatisfying(TurnEvent.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.CLI_CRASHED));
    }

    @Test
    void startingATurnNobodyScripted_failsLoudly() {
        assertThatThrownBy(() -> runner.start(request())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sequenceIds_areWellFormedAndCountUp() {
        SequenceIds ids = new SequenceIds();

        assertThat(ids.next(Ids.MESSAGE)).isEqualTo("msg_000000000000000000000001");
        assertThat(ids.next(Ids.TOOL_USE)).isEqualTo("toolu_000000000000000000000002");
        assertThat(Ids.isWellFormed(ids.next(Ids.REQUEST), Ids.REQUEST)).isTrue();
    }

    private static TurnRequest request() {
        return new TurnRequest(ModelTier.SONNET, Optional.empty(), List.of(new ContentBlock.Text("hi")),
                Optional.empty(), Optional.empty(), false, false);
    }
}
