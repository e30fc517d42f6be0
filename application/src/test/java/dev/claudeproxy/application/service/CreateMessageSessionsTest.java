package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.SessionStats;
import dev.claudeproxy.application.testing.MapSessionRepository;
import dev.claudeproxy.application.testing.MutableClock;
import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.RecordingTranscripts;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.SequenceIds;
import dev.claudeproxy.application.testing.TurnScript;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.reply.ReplyException;
import dev.claudeproxy.domain.session.Session;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conversations resume their CLI session, fall back to the full context when that fails, and take turns (SPEC §9). */
class CreateMessageSessionsTest {

    private static final Usage USAGE = Usage.of(20, 5);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(24);
    private static final List<Message> FIRST = List.of(Message.user("My name is Ada."));
    private static final List<Message> SECOND = List.of(Message.user("My name is Ada."),
            Message.assistant("Hello Ada."), Message.user("What is my name?"));

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();
    private final MapSessionRepository repository = new MapSessionRepository();
    private final RecordingTranscripts transcripts = new RecordingTranscripts();
    private final MutableClock clock = new MutableClock(T0);
    private final ConversationSessions sessions = new ConversationSessions(repository, transcripts, clock, TTL, 3);
    private final ExecutorService clients = Executors.newFixedThreadPool(2);
    private Duration queueTimeout = Duration.ofSeconds(5);

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    @Test
    void withoutAConversationId_theCliKeepsNoTranscript_andNothingIsStored() {
        runner.willPlay(Turns.text(USAGE, "Hi"));

        service().create(Requests.conversation(SECOND));

        assertThat(runner.lastRequest().persistSession()).isFalse();
        assertThat(runner.lastRequest().resumeSessionId()).isEmpty();
        assertThat(repository.list()).isEmpty();
    }

    @Test
    void aFirstTurn_runsWithTheFullContext_andStoresTheCliSession() {
        runner.willPlay(Turns.textInSession("cli-1", USAGE, "Hello Ada."));

        service().create(in("conv-1", FIRST));

        assertThat(runner.lastRequest().persistSession()).isTrue();
        assertThat(runner.lastRequest().resumeSessionId()).isEmpty();
        assertThat(repository.find("conv-1")).contains(
                new Session("conv-1", "cli-1", Requests.MODEL, 1, T0, T0, 0, 0));
    }

    @Test
    void aLaterTurn_resumesTheSession_withOnlyTheLastMessage() {
        repository.save(Session.started("conv-1", "cli-1", Requests.MODEL, 1, T0));
        clock.advance(Duration.ofMinutes(5));
        runner.willPlay(Turns.textInSession("cli-1", USAGE, "Ada."));

        AssistantReply reply = service().create(in("conv-1", SECOND));

        assertThat(reply.content()).containsExactly(new ContentBlock.Text("Ada."));
        assertThat(runner.lastRequest().resumeSessionId()).contains("cli-1");
        assertThat(runner.lastRequest().userContent()).containsExactly(new ContentBlock.Text("What is my name?"));
        assertThat(runner.lastRequest().systemPrompt()).isEmpty();
        assertThat(repository.find("conv-1")).contains(new Session("conv-1", "cli-1", Requests.MODEL, 3, T0,
                T0.plus(Duration.ofMinutes(5)), 1, 0));
        assertThat(sessions.overview().stats()).isEqualTo(new SessionStats(1, 1, 1, 0, 1, 1));
    }

    @Test
    void aSessionOfAnotherModel_isNotResumed_andIsReplaced() {
        repository.save(Session.started("conv-1", "cli-old", "claude-opus-4-1", 1, T0));
        runner.willPlay(Turns.textInSession("cli-new", USAGE, "Ada."));

        service().create(in("conv-1", SECOND));

        assertThat(runner.lastRequest().resumeSessionId()).isEmpty();
        assertThat(runner.lastRequest().systemPrompt().orElseThrow()).contains("Prior conversation turns");
        assertThat(repository.find("conv-1").orElseThrow().cliSessionId()).isEqualTo("cli-new");
        assertThat(transcripts.deleted()).containsExactly("cli-old");
    }

    @Test
    void aResumeThatFailsBeforeOutput_fallsBackToTheFullContext_inTheSameRequest() {
        repository.save(Session.started("conv-1", "cli-gone", Requests.MODEL, 1, T0));
        runner.willPlay(new TurnEvent.Failed(FailureKind.RESUME_NOT_FOUND, "No conversation found",
                OptionalInt.empty()));
        runner.willPlay(Turns.textInSession("cli-2", USAGE, "Ada."));

        AssistantReply reply = service().create(in("conv-1", SECOND));

        assertThat(reply.content()).containsExactly(new ContentBlock.Text("Ada."));
        assertThat(runner.requests()).hasSize(2);
        assertThat(runner.requests().get(0).resumeSessionId()).contains("cli-gone");
        assertThat(runner.requests().get(1).resumeSessionId()).isEmpty();
        assertThat(runner.requests().get(1).systemPrompt().orElseThrow()).contains("My name is Ada.");
        Session now = repository.find("conv-1").orElseThrow();
        assertThat(now.cliSessionId()).isEqualTo("cli-2");
        assertThat(now.failureCount()).isEqualTo(1);
        assertThat(now.createdAt()).isEqualTo(T0);
        assertThat(transcripts.deleted()).containsExactly("cli-gone");
        assertThat(sessions.overview().stats().failures()).isEqualTo(1);
    }

    @Test
    void aStreamedFallback_isOneNormalStream() {
        repository.save(Session.started("conv-1", "cli-gone", Requests.MODEL, 1, T0));
        runner.willPlay(new TurnEvent.SessionStarted("cli-gone", "m"),
                new TurnEvent.Failed(FailureKind.CLI_ERROR, "error_during_execution", OptionalInt.empty()));
        runner.willPlay(Turns.textInSession("cli-2", USAGE, "Ada."));
        RecordingSink sink = new RecordingSink();

        service().stream(in("conv-1", SECOND), sink);

        assertThat(sink.events()).filteredOn(ReplyEvent.Started.class::isInstance).hasSize(1);
        assertThat(sink.events()).noneMatch(ReplyEvent.Failed.class::isInstance);
        assertThat(sink.events().getLast()).isEqualTo(new ReplyEvent.Finished(StopReason.END_TURN, USAGE));
    }

    @Test
    void anUpstreamFailureOfAResume_isTheAnswer_andTheSessionStays() {
        repository.save(Session.started("conv-1", "cli-1", Requests.MODEL, 1, T0));
        runner.willPlay(new TurnEvent.Failed(FailureKind.UPSTREAM_OVERLOADED, "Overloaded", OptionalInt.of(529)));

        Assertions.assertThatThrownBy(() -> service().create(in("conv-1", SECOND)))
                .isInstanceOfSatisfying(ReplyException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(ErrorKind.OVERLOADED));
        assertThat(runner.requests()).hasSize(1);
        assertThat(repository.find("conv-1")).isPresent();
    }

    @Test
    void aResumeThatFailsAfterOutput_isNotRepeated() {
        repository.save(Session.started("conv-1", "cli-1", Requests.MODEL, 1, T0));
        TurnEvent[] partial = Turns.textInSession("cli-1", USAGE, "Ad");
        runner.willPlay(TurnScript.of(Arrays.copyOf(partial, partial.length - 2))
                .then(new TurnEvent.Failed(FailureKind.CLI_CRASHED, "exit 137", OptionalInt.empty())));
        RecordingSink sink = new RecordingSink();

        service().stream(in("conv-1", SECOND), sink);

        assertThat(runner.requests()).hasSize(1);
        assertThat(sink.events().getLast()).isInstanceOf(ReplyEvent.Failed.class);
    }

    @Test
    void anExpiredSession_isForgotten_andTheTurnStartsAfresh() {
        repository.save(Session.started("conv-1", "cli-old", Requests.MODEL, 1, T0));
        clock.advance(TTL.plusSeconds(1));
        runner.willPlay(Turns.textInSession("cli-new", USAGE, "Hi"));

        service().create(in("conv-1", SECOND));

        assertThat(runner.lastRequest().resumeSessionId()).isEmpty();
        assertThat(transcripts.deleted()).containsExactly("cli-old");
        assertThat(repository.find("conv-1").orElseThrow().cliSessionId()).isEqualTo("cli-new");
    }

    @Test
    void theSession_isStoredBeforeTheClientHearsTheEnd() {
        runner.willPlay(Turns.textInSession("cli-1", USAGE, "Hi"));
        List<Optional<Session>> storedAtFinish = new ArrayList<>();

        service().stream(in("conv-1", FIRST), event -> {
            if (event instanceof ReplyEvent.Finished) {
                storedAtFinish.add(repository.find("conv-1"));
            }
        });

        assertThat(storedAtFinish).hasSize(1).allMatch(Optional::isPresent);
    }

    @Test
    void aStoreThatFails_stillAnswersTheClient() {
        repository.failWrites();
        runner.willPlay(Turns.textInSession("cli-1", USAGE, "Hi"));

        assertThat(service().create(in("conv-1", FIRST)).content()).containsExactly(new ContentBlock.Text("Hi"));
    }

    @Test
    void twoTurnsOfOneConversation_neverRunAtOnce_theSecondWaitsItsTurn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.willPlay(TurnScript.of(new TurnEvent.SessionStarted("cli-1", "m")).holdUntil(release)
                .then(Turns.textInSession("cli-1", USAGE, "first")));
        runner.willPlay(Turns.textInSession("cli-1", USAGE, "second"));
        CreateMessageService service = service();
        RecordingSink firstSink = new RecordingSink();

        Future<?> first = clients.submit(() -> service.stream(in("conv-1", FIRST), firstSink));
        await(() -> runner.requests().size() == 1);
        Future<AssistantReply> second = clients.submit(() -> service.create(in("conv-1", SECOND)));

        await(() -> sessions.turns("conv-1") == 2);
        assertThat(runner.requests()).hasSize(1);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(second.get(5, TimeUnit.SECONDS).content()).containsExactly(new ContentBlock.Text("second"));
        assertThat(runner.requests().get(1).resumeSessionId()).contains("cli-1");
    }

    @Test
    void aTurnWaitingForItsConversation_givesUpAfterTheQueueTimeout() throws Exception {
        queueTimeout = Duration.ofMillis(100);
        CountDownLatch release = new CountDownLatch(1);
        runner.willPlay(TurnScript.heldUntil(release).then(Turns.textInSession("cli-1", USAGE, "first")));
        CreateMessageService service = service();

        Future<?> first = clients.submit(() -> service.create(in("conv-1", FIRST)));
        await(() -> runner.requests().size() == 1);

        Assertions.assertThatThrownBy(() -> service.create(in("conv-1", SECOND)))
                .isInstanceOfSatisfying(ReplyException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(ErrorKind.OVERLOADED));
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(runner.requests()).hasSize(1);
    }

    @Test
    void otherConversations_doNotWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.willPlay(TurnScript.heldUntil(release).then(Turns.textInSession("cli-1", USAGE, "first")));
        runner.willPlay(Turns.textInSession("cli-2", USAGE, "other"));
        CreateMessageService service = service();

        Future<?> first = clients.submit(() -> service.create(in("conv-1", FIRST)));
        await(() -> runner.requests().size() == 1);

        assertThat(service.create(in("conv-2", FIRST)).content()).containsExactly(new ContentBlock.Text("other"));
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    /** Polls until {@code condition} holds, failing after 5 s. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private CreateMessageCommand in(String conversationId, List<Message> messages) {
        return Requests.conversation(messages).withConversation(Optional.of(conversationId), Optional.empty());
    }

    private CreateMessageService service() {
        return new CreateMessageService(runner, new AdmissionQueue(2, queueTimeout), new SequenceIds(),
                Duration.ofSeconds(5), Optional.of(sessions));
    }
}
