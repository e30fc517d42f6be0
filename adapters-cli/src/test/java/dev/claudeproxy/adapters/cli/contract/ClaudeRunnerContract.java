package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@code ClaudeRunner} must do; run against the scripted fake CLI and the real CLI alike. */
public abstract class ClaudeRunnerContract {

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGP4z8BAEiJN9aiGUQ1DSgMAkPn/Afnh+ngAAAAASUVORK5CYII=";

    protected RunnerWorld world;

    protected abstract RunnerWorld createWorld() throws Exception;

    @BeforeEach
    void setUpWorld() throws Exception {
        world = createWorld();
    }

    @AfterEach
    void tearDownWorld() throws Exception {
        world.close();
        // a finished CLI exits on its own shortly after its result line; let it go before the temp dir does
        Turns.awaitNoChildren(Duration.ofSeconds(10));
    }

    @Test
    void aTextTurn_streamsItsDeltasInOrder_thenCompletesWithRealUsage() throws Exception {
        world.nextReplyText("Hello", " from", " upstream");

        List<TurnEvent> events = run(Turns.request("Say hello", true));

        assertThat(events.getFirst()).isInstanceOf(TurnEvent.SessionStarted.class);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(TurnEvent.MessageStarted.class));
        assertThat(events).contains(TurnEvent.BlockStarted.of(0, BlockKind.TEXT), new TurnEvent.BlockStopped(0));
        assertThat(text(events)).isEqualTo("Hello from upstream");
        assertThat(events.stream().filter(TurnEvent.TextDelta.class::isInstance)).hasSize(3);
        TurnEvent.Completed done = (TurnEvent.Completed) events.getLast();
        assertThat(done.resultText()).isEqualTo("Hello from upstream");
        assertThat(done.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(done.usage().inputTokens()).isPositive();
        assertThat(done.usage().outputTokens()).isPositive();
    }

    @Test
    void withoutPartialMessages_theSameTextArrivesAsWholeBlocks() throws Exception {
        world.nextReplyText("Hello", " whole");

        List<TurnEvent> events = run(Turns.request("Say hello", false));

        assertThat(text(events)).isEqualTo("Hello whole");
        assertThat(events.getLast()).isInstanceOf(TurnEvent.Completed.class);
    }

    @Test
    void theSystemPromptAndTheUserTurn_reachTheModel() throws Exception {
        world.nextReplyText("Arr");

        run(new TurnRequest(ModelTier.SONNET, Optional.of("You are a pirate.\nAnswer \"in\" pirate speak."),
                List.of(new ContentBlock.Text("Where is the treasure?")), Optional.empty(), Optional.empty(),
                true, false));

        RunnerWorld.Seen seen = world.lastSeen();
        assertThat(seen.systemPrompt()).contains("You are a pirate.\nAnswer \"in\" pirate speak.");
        assertThat(seen.userContentJson()).contains("Where is the treasure?");
    }

    @Test
    void anImage_reachesTheModelAsANativeImageBlock() throws Exception {
        world.nextReplyText("Red");

        run(new TurnRequest(ModelTier.SONNET, Optional.empty(), List.of(new ContentBlock.Text("What color?"),
                new ContentBlock.Image(new ImageSource.Base64("image/png", PNG))), Optional.empty(),
                Optional.empty(), true, false));

        assertThat(world.lastSeen().userContentJson()).contains("\"type\":\"image\"").contains(PNG);
    }

    @Test
    void thinking_arrivesAsAThinkingBlockBeforeTheText() throws Exception {
        world.nextReplyThinking("Let me think.", "Answer");

        List<TurnEvent> events = run(new TurnRequest(ModelTier.SONNET, Optional.empty(),
                List.of(new ContentBlock.Text("Think")), Optional.of(new ThinkingConfig.Adaptive()),
                Optional.empty(), true, false));

        assertThat(events).contains(TurnEvent.BlockStarted.of(0, BlockKind.THINKING),
                new TurnEvent.ThinkingDelta(0, "Let me think."), TurnEvent.BlockStarted.of(1, BlockKind.TEXT));
        assertThat(text(events)).isEqualTo("Answer");
    }

    @Test
    void anOverloadedUpstream_failsAsOverloadedWithItsStatus() throws Exception {
        world.nextReplyUpstreamError(529, "overloaded_error", "Overloaded");

        TurnEvent last = run(Turns.request("Hi", true)).getLast();

        assertThat(last).isInstanceOfSatisfying(TurnEvent.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UPSTREAM_OVERLOADED);
            assertThat(f.upstreamStatus()).isEqualTo(OptionalInt.of(529));
        });
    }

    @Test
    void aRejectedApiKey_failsAsUpstreamAuth() throws Exception {
        world.nextReplyUpstreamError(401, "authentication_error", "invalid x-api-key");

        TurnEvent last = run(Turns.request("Hi", true)).getLast();

        assertThat(last).isInstanceOfSatisfying(TurnEvent.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.UPSTREAM_AUTH));
    }

    @Test
    void anUnknownResumeId_failsAsResumeNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();
        world.nextRunResumesUnknownSession(unknown);

        TurnEvent last = run(new TurnRequest(ModelTier.SONNET, Optional.empty(), List.of(new ContentBlock.Text("Hi")),
                Optional.empty(), Optional.of(unknown), true, true)).getLast();

        assertThat(last).isInstanceOfSatisfying(TurnEvent.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.RESUME_NOT_FOUND);
            assertThat(f.message()).contains(unknown);
        });
    }

    @Test
    void cancel_killsTheCliAndEveryProcessItStarted_atOnce() throws Exception {
        world.nextReplyHangs();
        try (ClaudeTurn turn = world.runner().start(Turns.request("Hang", true))) {
            TurnEvent e;
            do {
                e = turn.next(Turns.EVENT_TIMEOUT);
                assertThat(e).as("an event before the hang").isNotNull();
            } while (!(e instanceof TurnEvent.MessageStarted));
            List<ProcessHandle> running = world.turnProcesses();
            assertThat(running).as("the CLI runs as our child").isNotEmpty();
            assertThat(ProcessHandle.current().descendants()).as("the CLI runs as our child").containsAll(running);

            long before = System.nanoTime();
            turn.cancel();
            TurnEvent end = turn.next(Duration.ofSeconds(2));

            assertThat(end).isInstanceOfSatisfying(TurnEvent.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED));
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
            Turns.awaitGone(running, Duration.ofSeconds(2));
        }
    }

    @Test
    void aResumedTurn_continuesTheSession_andTheModelSeesTheEarlierTurn() throws Exception {
        world.nextReplyText("Hello", " Ada.");
        List<TurnEvent> first = run(Turns.persisted("My name is Ada.", Optional.empty()));
        assertThat(first.getLast()).isInstanceOf(TurnEvent.Completed.class);
        String session = ((TurnEvent.SessionStarted) first.getFirst()).sessionId();

        world.nextReplyText("Your name", " is Ada.");
        List<TurnEvent> second = run(Turns.persisted("What is my name?", Optional.of(session)));

        assertThat(second.getFirst()).isEqualTo(new TurnEvent.SessionStarted(session,
                ((TurnEvent.SessionStarted) first.getFirst()).model()));
        assertThat(text(second)).isEqualTo("Your name is Ada.");
        assertThat(second.getLast()).isInstanceOfSatisfying(TurnEvent.Completed.class,
                done -> assertThat(done.resultText()).isEqualTo("Your name is Ada."));
        RunnerWorld.Seen seen = world.lastSeen();
        assertThat(seen.systemPrompt()).contains("You are terse.");
        assertThat(seen.userContentJson()).contains("What is my name?").doesNotContain("My name is Ada.");
        world.conversationSeen().ifPresent(history -> assertThat(history)
                .contains("My name is Ada.").contains("Hello Ada.").contains("What is my name?"));
    }

    @Test
    void aResumedTurn_runsInTheProcessOfTheSessionsLastTurn_onlyWhenConversationsStayLive() throws Exception {
        world.nextReplyText("One");
        Turns.Watched first = watch(Turns.persisted("One", Optional.empty()));
        world.nextReplyText("Two");

        Turns.Watched second = watch(Turns.persisted("Two", Optional.of(first.session())));

        assertThat(second.last()).isInstanceOf(TurnEvent.Completed.class);
        assertThat(second.session()).isEqualTo(first.session());
        if (world.liveConversations()) {
            assertThat(second.pid()).as("the same process").isEqualTo(first.pid());
            assertThat(second.argv()).noneMatch(a -> a.startsWith("--resume"));
        } else {
            assertThat(second.pid()).as("a new process").isNotEqualTo(first.pid());
            assertThat(second.argv()).contains("--resume=" + first.session());
        }
    }

    private Turns.Watched watch(TurnRequest request) throws InterruptedException {
        return Turns.runWatching(world.runner(), request, world::argvOf);
    }

    private List<TurnEvent> run(TurnRequest request) throws InterruptedException {
        return Turns.runToEnd(world.runner(), request);
    }

    private static String text(List<TurnEvent> events) {
        return events.stream().filter(TurnEvent.TextDelta.class::isInstance)
                .map(e -> ((TurnEvent.TextDelta) e).text()).collect(Collectors.joining());
    }
}
