package dev.claudeproxy.application.service;

import static dev.claudeproxy.application.service.CreateMessageReplyTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.SequenceIds;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.reply.ReplyException;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failed turns, a full queue and a client that goes away. */
class CreateMessageFailureTest {

    /** SPEC §3: upstream overload, rate limit and auth keep their kind; everything else is an API error. */
    private static final Map<FailureKind, ErrorKind> SPECIAL = Map.of(
            FailureKind.UPSTREAM_OVERLOADED, ErrorKind.OVERLOADED,
            FailureKind.UPSTREAM_RATE_LIMITED, ErrorKind.RATE_LIMITED,
            FailureKind.UPSTREAM_AUTH, ErrorKind.AUTHENTICATION,
            FailureKind.STALLED, ErrorKind.TIMEOUT,
            FailureKind.TIMED_OUT, ErrorKind.TIMEOUT);

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void everyFailureKind_isThrownByCreateAsTheErrorKindOfTheSpec(FailureKind kind) {
        runner.willPlay(new TurnEvent.SessionStarted("s", "m"),
                new TurnEvent.Failed(kind, "upstream said no", OptionalInt.of(500)));

        assertThatThrownBy(() -> service(runner).create(Requests.ask("Hi")))
                .isInstanceOfSatisfying(ReplyException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(SPECIAL.getOrDefault(kind, ErrorKind.API_ERROR));
                    assertThat(e.error().message()).isEqualTo("upstream said no");
                    assertThat(e.error().reason()).isEqualTo(kind.name().toLowerCase());
                });
    }

    @Test
    void aFailureBeforeAnyUpstreamEvent_isAFailedEventWithNoStartedBeforeIt() {
        runner.willPlay(new TurnEvent.SessionStarted("s", "m"),
                new TurnEvent.Failed(FailureKind.UPSTREAM_AUTH, "Invalid API key", OptionalInt.of(401)));
        RecordingSink sink = new RecordingSink();

        service(runner).stream(Requests.ask("Hi"), sink);

        assertThat(sink.events()).containsExactly(new ReplyEvent.Failed(
                new ReplyError(ErrorKind.AUTHENTICATION, "Invalid API key", "upstream_auth")));
    }

    @Test
    void aFailureAfterContent_followsTheContentItInterrupts() {
        runner.willPlay(new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.TEXT),
                new TurnEvent.TextDelta(0, "Half"),
                TurnEvent.Failed.of(FailureKind.CLI_CRASHED, "The CLI exited with code 1."));
        RecordingSink sink = new RecordingSink();

        service(runner).stream(Requests.ask("Hi"), sink);

        assertThat(sink.events()).containsExactly(
                new ReplyEvent.Started("msg_000000000000000000000001", Requests.MODEL, Turns.MESSAGE_START_USAGE),
                new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Half"),
                new ReplyEvent.Failed(new ReplyError(ErrorKind.API_ERROR, "The CLI exited with code 1.",
                        "cli_crashed")));
    }

    @Test
    void aSinkThatThrows_cancelsTheTurn_freesTheSlot_andTheExceptionPropagates() {
        runner.willPlay(Turns.text(Usage.ZERO, "one", "two", "three"));
        AdmissionQueue queue = new AdmissionQueue(1, Duration.ofSeconds(5));
        CreateMessageService service = new CreateMessageService(runner, queue, new SequenceIds(), Duration.ofSeconds(5));
        RuntimeException clientGone = new IllegalStateException("client went away");

        assertThatThrownBy(() -> service.stream(Requests.ask("Hi"), event -> {
            if (event instanceof ReplyEvent.TextDelta) {
                throw clientGone;
            }
        })).isSameAs(clientGone);

        assertThat(runner.lastTurn().cancelled()).isTrue();
        assertThat(runner.lastTurn().closed()).isTrue();
        assertThat(runner.lastTurn().served()).noneMatch(TurnEvent::isTerminal);
        assertThat(queue.queueStatus().active()).isZero();
    }

    @Test
    void aFinishedTurn_isClosedWithoutBeingCancelled_andItsSlotIsFreed() {
        runner.willPlay(Turns.text(Usage.ZERO, "done"));
        AdmissionQueue queue = new AdmissionQueue(1, Duration.ofSeconds(5));

        new CreateMessageService(runner, queue, new SequenceIds(), Duration.ofSeconds(5)).create(Requests.ask("Hi"));

        assertThat(runner.lastTurn().closed()).isTrue();
        assertThat(runner.lastTurn().cancelled()).isFalse();
        assertThat(queue.queueStatus().active()).isZero();
    }

    @Test
    void aFullQueue_answersOverloadedWithoutStartingATurn() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, Duration.ofMillis(20));
        CreateMessageService service = new CreateMessageService(runner, queue, new SequenceIds(), Duration.ofSeconds(5));
        RecordingSink sink = new RecordingSink();

        try (AdmissionQueue.Slot held = queue.acquire()) {
            assertThat(held).isNotNull();
            assertThatThrownBy(() -> service.create(Requests.ask("Hi")))
                    .isInstanceOfSatisfying(ReplyException.class,
                            e -> assertThat(e.error()).isEqualTo(AdmissionQueue.busy()));
            service.stream(Requests.ask("Hi"), sink);
        }

        assertThat(sink.events()).containsExactly(new ReplyEvent.Failed(AdmissionQueue.busy()));
        assertThat(runner.requests()).isEmpty();
    }

    @Test
    void anInterruptedCaller_getsACancelledError_andKeepsItsInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> service(runner).create(Requests.ask("Hi")))
                    .isInstanceOfSatisfying(ReplyException.class,
                            e -> assertThat(e.error().reason()).isEqualTo("cancelled"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(runner.requests()).isEmpty();
    }
}
