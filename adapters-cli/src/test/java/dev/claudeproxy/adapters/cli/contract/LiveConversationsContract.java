package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.LiveSettings;
import dev.claudeproxy.adapters.cli.LiveStats;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What live conversations add to the {@code ClaudeRunner} contract: a session's next turn runs in the process parked
 * after its last one, only while that process is alive and fits the request, within the bounds; run against the
 * scripted fake CLI and the real CLI alike.
 */
public abstract class LiveConversationsContract {

    static final Duration GONE_WITHIN = Duration.ofSeconds(10);

    protected CliWorld world;
    protected CliClaudeRunner runner;

    protected abstract CliWorld createWorld(LiveSettings live) throws Exception;

    protected void open(LiveSettings live) throws Exception {
        world = createWorld(live);
        runner = world.cliRunner();
    }

    @AfterEach
    void tearDownWorld() throws Exception {
        if (world != null) {
            world.close();
        }
        Turns.awaitNoChildren(GONE_WITHIN);
    }

    @Test
    void aCompletedTurnOfAPersistedSession_parksItsProcess_andTheSessionsNextTurnRunsInIt() throws Exception {
        open(LiveWorlds.ON);
        world.nextReplyText("One");
        Turns.Watched first = watch(Turns.persisted("One", Optional.empty()));
        assertThat(runner.parkedProcessIds()).containsExactly(first.pid());
        assertThat(runner.turnProcessIds()).isEmpty();

        world.nextReplyText("Two");
        Turns.Watched second = watch(Turns.persisted("Two", Optional.of(first.session())));

        assertThat(second.last()).isInstanceOf(TurnEvent.Completed.class);
        assertThat(second.pid()).isEqualTo(first.pid());
        assertThat(runner.parkedProcessIds()).containsExactly(first.pid());
        assertThat(runner.liveStats()).isEqualTo(new LiveStats(1, 1, 0));
    }

    @Test
    void aParkedProcessKilledFromOutside_theNextTurnResumesInANewProcess_andStillAnswers() throws Exception {
        open(LiveWorlds.ON);
        world.nextReplyText("One");
        Turns.Watched first = watch(Turns.persisted("Remember the word: kumquat.", Optional.empty()));

        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
        awaitEnded(first.pid()); // dying as the turn is written to it: see ScriptedCliLiveConversationsTest
        world.nextReplyText("Still", " here");
        Turns.Watched second = watch(Turns.persisted("Which word?", Optional.of(first.session())));

        assertThat(second.last()).isInstanceOfSatisfying(TurnEvent.Completed.class,
                done -> assertThat(done.resultText()).isEqualTo("Still here"));
        assertResumedInANewProcess(second, first);
        assertThat(runner.liveStats()).isEqualTo(new LiveStats(1, 0, 1));
        world.conversationSeen().ifPresent(history -> assertThat(history).contains("kumquat"));
    }

    @Test
    void aParkedProcess_isEndedAfterItsIdleLifetime() throws Exception {
        open(new LiveSettings(4, Duration.ofMillis(300)));
        world.nextReplyText("One");
        Turns.Watched first = watch(Turns.persisted("One", Optional.empty()));

        awaitEnded(first.pid());

        world.nextReplyText("Two");
        Turns.Watched second = watch(Turns.persisted("Two", Optional.of(first.session())));
        assertThat(second.last()).isInstanceOf(TurnEvent.Completed.class);
        assertResumedInANewProcess(second, first);
    }

    @Test
    void beyondTheMaximum_theLeastRecentlyParkedProcessIsEnded() throws Exception {
        open(new LiveSettings(2, Duration.ofMinutes(5)));
        Turns.Watched a = watch(Turns.persisted("A", Optional.empty()));
        Turns.Watched b = watch(Turns.persisted("B", Optional.empty()));
        assertThat(runner.parkedProcessIds()).containsExactlyInAnyOrder(a.pid(), b.pid());
        Turns.Watched aAgain = watch(Turns.persisted("A again", Optional.of(a.session())));
        assertThat(aAgain.pid()).isEqualTo(a.pid());

        Turns.Watched c = watch(Turns.persisted("C", Optional.empty()));

        awaitEnded(b.pid());
        assertThat(runner.parkedProcessIds()).containsExactlyInAnyOrder(a.pid(), c.pid());
    }

    @Test
    void closingTheRunner_killsTheParkedProcesses() throws Exception {
        open(LiveWorlds.ON);
        Turns.Watched first = watch(Turns.persisted("One", Optional.empty()));
        ProcessHandle parked = ProcessHandle.of(first.pid()).orElseThrow();

        runner.close();

        Turns.awaitGone(List.of(parked), Duration.ofSeconds(2));
        assertThat(runner.parkedProcessIds()).isEmpty();
    }

    @Test
    void aTurnAskingForOtherThinkingOrAnotherSystemPrompt_resumesInANewProcess() throws Exception {
        open(LiveWorlds.ON);
        world.nextReplyText("Noted.");
        Turns.Watched first = watch(Turns.persisted("Remember the word: kumquat.", Optional.empty()));
        Optional<String> session = Optional.of(first.session());

        world.nextReplyText("Kumquat.");
        Turns.Watched thinking = watch(withThinking(Turns.persisted("Which word?", session)));
        assertThat(thinking.last()).isInstanceOf(TurnEvent.Completed.class);
        assertResumedInANewProcess(thinking, first);
        assertThat(thinking.argv()).contains("--thinking=adaptive");
        world.conversationSeen().ifPresent(history -> assertThat(history).contains("kumquat"));
        awaitEnded(first.pid());

        Turns.Watched sameAgain = watch(withThinking(Turns.persisted("Again?", session)));
        assertThat(sameAgain.pid()).as("a turn that fits runs in the parked process").isEqualTo(thinking.pid());

        Turns.Watched otherPrompt = watch(withThinking(new TurnRequest(ModelTier.SONNET,
                Optional.of("You are verbose."), List.of(new ContentBlock.Text("And now?")), Optional.empty(),
                session, true, true)));
        assertThat(otherPrompt.last()).isInstanceOf(TurnEvent.Completed.class);
        // what --resume does with the new prompt is the CLI's business (RealCliSessionsTest): the same as without live
        assertResumedInANewProcess(otherPrompt, thinking);
    }

    @Test
    void aFailedTurn_orOneThatDoesNotPersist_leavesNoProcessParked() throws Exception {
        open(LiveWorlds.ON);
        world.nextReplyUpstreamError(529, "overloaded_error", "Overloaded");
        assertThat(Turns.runToEnd(runner, Turns.persisted("Hi", Optional.empty())).getLast())
                .isInstanceOf(TurnEvent.Failed.class);
        world.nextReplyText("Hi");
        assertThat(Turns.runToEnd(runner, Turns.request("Hi", true)).getLast())
                .isInstanceOf(TurnEvent.Completed.class);

        assertThat(runner.parkedProcessIds()).isEmpty();
    }

    @Test
    void aCancelledTurnInAParkedProcess_endsThatProcess() throws Exception {
        open(LiveWorlds.ON);
        Turns.Watched first = watch(Turns.persisted("One", Optional.empty()));
        world.nextReplyHangs();

        try (ClaudeTurn turn = runner.start(Turns.persisted("Hang", Optional.of(first.session())))) {
            TurnEvent e;
            do {
                e = turn.next(Turns.EVENT_TIMEOUT);
                assertThat(e).as("an event before the hang").isNotNull();
            } while (!(e instanceof TurnEvent.MessageStarted));
            turn.cancel();
            assertThat(turn.next(Duration.ofSeconds(2))).isInstanceOfSatisfying(TurnEvent.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED));
        }

        awaitEnded(first.pid());
    }

    @Test
    void deletingASessionsTranscript_endsItsParkedProcess() throws Exception {
        open(LiveWorlds.ON);
        Turns.Watched first = watch(Turns.persisted("One", Optional.empty()));

        runner.transcripts().delete(first.session());

        awaitEnded(first.pid());
        world.nextRunResumesUnknownSession(first.session());
        TurnEvent last = Turns.runToEnd(runner, Turns.persisted("Two", Optional.of(first.session()))).getLast();
        assertThat(last).isInstanceOfSatisfying(TurnEvent.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.RESUME_NOT_FOUND));
    }

    protected Turns.Watched watch(TurnRequest request) throws InterruptedException {
        return Turns.runWatching(runner, request, world::argvOf);
    }

    protected static void assertResumedInANewProcess(Turns.Watched turn, Turns.Watched before) {
        assertThat(turn.pid()).as("a new process").isNotEqualTo(before.pid());
        assertThat(turn.argv()).contains("--resume=" + before.session());
        assertThat(turn.session()).isEqualTo(before.session());
    }

    /** Waits until the process is neither parked nor alive. */
    protected void awaitEnded(long pid) throws InterruptedException {
        Turns.await(() -> !runner.parkedProcessIds().contains(pid)
                && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty(), GONE_WITHIN,
                "process " + pid + " ended");
    }

    private static TurnRequest withThinking(TurnRequest r) {
        return new TurnRequest(r.model(), r.systemPrompt(), r.userContent(), Optional.of(new ThinkingConfig.Adaptive()),
                r.resumeSessionId(), r.partialMessages(), r.persistSession());
    }
}
