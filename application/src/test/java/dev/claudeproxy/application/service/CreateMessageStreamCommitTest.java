package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.SequenceIds;
import dev.claudeproxy.application.testing.TurnScript;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §6: a stream commits at the upstream's first event, or after a short grace when it is slow. */
class CreateMessageStreamCommitTest {

    private static final Duration GRACE = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MSG_ID = "msg_000000000000000000000001";
    /** 40 characters: ten estimated tokens. */
    private static final String QUESTION = "q".repeat(40);

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService client = Executors.newSingleThreadExecutor();
    private final CreateMessageService service = new CreateMessageService(runner,
            new AdmissionQueue(1, Duration.ofSeconds(5)), new SequenceIds(), GRACE);

    @AfterEach
    void stopClient() {
        release.countDown();
        client.shutdownNow();
    }

    @Test
    void aSlowUpstream_getsTheStreamStartedAfterTheGrace_withTheEstimatedUsage() throws Exception {
        runner.willPlay(TurnScript.of(new TurnEvent.SessionStarted("s", "m"))
                .holdUntil(release)
                .then(Turns.text(Usage.of(12, 3), "Hi")));
        RecordingSink sink = new RecordingSink();

        long before = System.nanoTime();
        Future<?> streaming = client.submit(() -> service.stream(Requests.ask(QUESTION), sink));
        ReplyEvent first = sink.next(WAIT);
        long waited = System.nanoTime() - before;

        assertThat(first).isEqualTo(new ReplyEvent.Started(MSG_ID, Requests.MODEL, Usage.of(10, 1)));
        assertThat(waited).isGreaterThanOrEqualTo(GRACE.toNanos());
        assertThat(sink.events()).hasSize(1);

        release.countDown();
        streaming.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(sink.events()).containsExactly(first,
                new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Hi"),
                new ReplyEvent.BlockStopped(0),
                new ReplyEvent.Finished(StopReason.END_TURN, Usage.of(12, 3)));
    }

    @Test
    void aFailureAfterTheGrace_comesAfterTheStartedItCouldNotPrevent() throws Exception {
        runner.willPlay(TurnScript.heldUntil(release).then(
                new TurnEvent.Failed(FailureKind.UPSTREAM_OVERLOADED, "Overloaded", OptionalInt.of(529))));
        RecordingSink sink = new RecordingSink();

        Future<?> streaming = client.submit(() -> service.stream(Requests.ask(QUESTION), sink));
        assertThat(sink.next(WAIT)).isInstanceOf(ReplyEvent.Started.class);
        release.countDown();
        streaming.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(sink.events()).hasSize(2);
        assertThat(sink.events().getLast()).isInstanceOfSatisfying(ReplyEvent.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.OVERLOADED));
    }

    @Test
    void anUpstreamWithinTheGrace_startsTheStreamWithItsOwnUsage() {
        CreateMessageService patient = new CreateMessageService(runner, new AdmissionQueue(1, WAIT),
                new SequenceIds(), Duration.ofSeconds(30));
        runner.willPlay(Turns.text(Usage.of(12, 3), "Hi"));
        RecordingSink sink = new RecordingSink();

        patient.stream(Requests.ask(QUESTION), sink);

        assertThat(sink.events().getFirst())
                .isEqualTo(new ReplyEvent.Started(MSG_ID, Requests.MODEL, Turns.MESSAGE_START_USAGE));
        assertThat(sink.events()).filteredOn(ReplyEvent.Started.class::isInstance).hasSize(1);
    }

    @Test
    void aFailureWithinTheGrace_isNotPrecededByStarted() {
        CreateMessageService patient = new CreateMessageService(runner, new AdmissionQueue(1, WAIT),
                new SequenceIds(), Duration.ofSeconds(30));
        runner.willPlay(new TurnEvent.SessionStarted("s", "m"),
                new TurnEvent.Failed(FailureKind.RESUME_NOT_FOUND, "No conversation found", OptionalInt.empty()));
        RecordingSink sink = new RecordingSink();

        patient.stream(Requests.ask(QUESTION), sink);

        assertThat(sink.events()).singleElement().isInstanceOf(ReplyEvent.Failed.class);
    }

    @Test
    void aWholeReply_waitsForAHeldUpstream_andAnswersOnceItIsReleased() throws Exception {
        runner.willPlay(TurnScript.heldUntil(release).then(
                new TurnEvent.MessageStarted(Turns.MESSAGE_START_USAGE),
                TurnEvent.BlockStarted.of(0, BlockKind.TEXT),
                new TurnEvent.TextDelta(0, "late"),
                new TurnEvent.Completed("late", StopReason.END_TURN, Usage.of(12, 3))));

        Future<AssistantReply> whole = client.submit(() -> service.create(Requests.ask(QUESTION)));
        release.countDown();

        assertThat(whole.get(WAIT.toSeconds(), TimeUnit.SECONDS).content())
                .containsExactly(new ContentBlock.Text("late"));
    }
}
