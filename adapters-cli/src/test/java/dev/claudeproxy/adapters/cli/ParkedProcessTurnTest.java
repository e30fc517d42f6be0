package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A turn on a parked process runs again elsewhere only if the process was gone before the turn began. */
class ParkedProcessTurnTest {

    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final TurnEvent CRASH = TurnEvent.Failed.of(FailureKind.CLI_CRASHED, "exited with code 1");
    private static final TurnEvent STARTED = new TurnEvent.SessionStarted("s", "m");

    private final AtomicInteger resumes = new AtomicInteger();
    private final Scripted elsewhere = new Scripted(STARTED, TurnEvent.Failed.of(FailureKind.UPSTREAM_AUTH, "no"));

    @Test
    void aProcessGoneBeforeTheTurnBegan_theTurnRunsElsewhere() throws Exception {
        ParkedProcessTurn turn = new ParkedProcessTurn(new Scripted(CRASH), this::resume);

        assertThat(turn.next(WAIT)).isEqualTo(STARTED);
        assertThat(turn.next(WAIT)).isInstanceOf(TurnEvent.Failed.class);
        assertThat(resumes).hasValue(1);
    }

    @Test
    void aProcessThatDiesDuringTheTurn_failsTheTurn() throws Exception {
        ParkedProcessTurn turn = new ParkedProcessTurn(new Scripted(STARTED, CRASH), this::resume);

        assertThat(turn.next(WAIT)).isEqualTo(STARTED);
        assertThat(turn.next(WAIT)).isEqualTo(CRASH);
        assertThat(resumes).hasValue(0);
    }

    @Test
    void aCancelledTurn_doesNotRunElsewhere() throws Exception {
        ParkedProcessTurn turn = new ParkedProcessTurn(new Scripted(CRASH), this::resume);

        turn.cancel();

        assertThat(turn.next(WAIT)).isEqualTo(CRASH);
        assertThat(resumes).hasValue(0);
    }

    @Test
    void cancel_goesToTheTurnRunningElsewhere() throws Exception {
        ParkedProcessTurn turn = new ParkedProcessTurn(new Scripted(CRASH), this::resume);
        turn.next(WAIT);

        turn.cancel();

        assertThat(elsewhere.cancelled).isTrue();
    }

    private ClaudeTurn resume() {
        resumes.incrementAndGet();
        return elsewhere;
    }

    /** A turn that hands out the given events, then nothing. */
    private static final class Scripted implements ClaudeTurn {
        private final Queue<TurnEvent> events;
        volatile boolean cancelled;

        Scripted(TurnEvent... events) {
            this.events = new ArrayDeque<>(List.of(events));
        }

        @Override
        public synchronized TurnEvent next(Duration timeout) {
            return events.poll();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void close() {
        }
    }
}
