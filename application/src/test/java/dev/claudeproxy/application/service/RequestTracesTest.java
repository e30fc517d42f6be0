package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.RequestOrigin;
import dev.claudeproxy.application.port.out.TraceListener;
import dev.claudeproxy.application.testing.MapErrorDumps;
import dev.claudeproxy.application.testing.MapSessionRepository;
import dev.claudeproxy.application.testing.MapTraceRepository;
import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.RecordingTranscripts;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.SequenceIds;
import dev.claudeproxy.application.testing.TurnScript;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.reply.ReplyException;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceStatus;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Every request leaves one trace: its phases, timings, CLI activity and outcome, stored, dumped and counted. */
class RequestTracesTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();
    private final MapTraceRepository store = new MapTraceRepository();
    private final MapErrorDumps dumps = new MapErrorDumps();
    private final List<Trace> told = new CopyOnWriteArrayList<>();
    private final RequestTraces traces = new RequestTraces(Clock.systemUTC(), Optional.of(store), Optional.of(dumps),
            List.of((TraceListener) told::add), Map.of("stallTimeoutMs", 50));
    private final CountDownLatch never = new CountDownLatch(1);

    @Test
    void aCompletedRequest_leavesATraceWithEveryStepAndItsUsage() {
        runner.willPlay(Turns.text(Usage.of(12, 7), "Hel", "lo"));
        CreateMessageCommand command = Requests.ask("Hi").withOrigin(new RequestOrigin("/v1/messages",
                Optional.of(Instant.now().minusMillis(5)), 321, "127.0.0.1", "test-agent/1"));

        service(new Watchdogs(LONG, LONG, 1_000)).create(command);

        Trace trace = store.traces.get("req_test");
        assertThat(trace.phase()).isEqualTo(TracePhase.COMPLETED);
        assertThat(trace.status()).isEqualTo(TraceStatus.COMPLETED);
        assertThat(trace.outcome()).isEqualTo(TraceOutcome.COMPLETED);
        assertThat(trace.request().route()).isEqualTo("/v1/messages");
        assertThat(trace.request().model()).isEqualTo("sonnet");
        assertThat(trace.request().requestedModel()).isEqualTo(Requests.MODEL);
        assertThat(trace.request().bodyBytes()).isEqualTo(321);
        assertThat(trace.request().clientIp()).isEqualTo("127.0.0.1");
        assertThat(trace.request().userAgent()).isEqualTo("test-agent/1");
        assertThat(trace.request().promptChars()).isEqualTo(2);
        assertThat(trace.times().queued()).isNotNull();
        assertThat(trace.times().acquired()).isNotNull();
        assertThat(trace.times().cliStarted()).isNotNull();
        assertThat(trace.times().firstToken()).isNotNull();
        assertThat(trace.times().cliDone()).isNotNull();
        assertThat(trace.times().completed()).isNotNull();
        assertThat(trace.times().queueWait()).isPresent();
        assertThat(trace.times().timeToFirstToken().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(5));
        assertThat(trace.times().totalDuration().orElseThrow())
                .isGreaterThanOrEqualTo(trace.times().timeToFirstToken().orElseThrow());
        assertThat(trace.cli().eventCount()).isEqualTo(7);
        assertThat(trace.cli().lastEventType()).isEqualTo("result");
        assertThat(trace.cli().outputChars()).isEqualTo(5);
        assertThat(trace.usage()).isEqualTo(Usage.of(12, 7));
        assertThat(trace.session().cliSessionId()).isEqualTo("session-1");
        assertThat(told).containsExactly(trace);
        assertThat(dumps.dumps).isEmpty();
        assertThat(traces.active()).isEmpty();
    }

    @Test
    void aFailedCliRun_isAnErrorTrace_withItsOutcome_andADumpOfItsContext() {
        runner.willPlay(TurnEvent.Failed.of(FailureKind.CLI_ERROR, "the CLI said no"));

        assertThatThrownBy(() -> service(new Watchdogs(LONG, LONG, 1_000)).create(Requests.ask("Hi")))
                .isInstanceOf(ReplyException.class);

        Trace trace = store.traces.get("req_test");
        assertThat(trace.phase()).isEqualTo(TracePhase.ERROR);
        assertThat(trace.outcome()).isEqualTo(TraceOutcome.CLI_ERROR);
        assertThat(trace.errorType()).isEqualTo("api_error");
        assertThat(trace.errorMessage()).isEqualTo("the CLI said no");
        assertThat(trace.times().firstToken()).isNull();
        JsonValue dump = JsonParser.parse(dumps.dumps.get("req_test"));
        assertThat(dump.toJson()).contains("\"outcome\":\"cli_error\"", "\"stallTimeoutMs\":\"50\"",
                "\"reqId\":\"req_test\"");
        assertThat(told).hasSize(1);
    }

    @Test
    void aStalledCli_isTracedAsAStallTimeout() {
        runner.willPlay(TurnScript.of(new TurnEvent.SessionStarted("s", "m")).holdUntil(never));

        assertThatThrownBy(() -> service(new Watchdogs(Duration.ofMillis(30), LONG, 1_000))
                .create(Requests.ask("Hi"))).isInstanceOf(ReplyException.class);

        Trace trace = store.traces.get("req_test");
        assertThat(trace.outcome()).isEqualTo(TraceOutcome.STALL_TIMEOUT);
        assertThat(trace.errorType()).isEqualTo("timeout");
        assertThat(trace.cli().stallCount()).isEqualTo(1);
        assertThat(trace.cli().eventCount()).isEqualTo(1);
        assertThat(trace.times().cliDone()).isNotNull();
    }

    @Test
    void aRunPastTheMaximumDuration_isTracedAsMaxDuration() {
        runner.willPlay(TurnScript.heldUntil(never));

        assertThatThrownBy(() -> service(new Watchdogs(LONG, Duration.ofMillis(30), 1_000))
                .create(Requests.ask("Hi"))).isInstanceOf(ReplyException.class);

        assertThat(store.traces.get("req_test").outcome()).isEqualTo(TraceOutcome.MAX_DURATION);
    }

    @Test
    void aClientGoneMidStream_isTracedAsAClientDisconnect_andTheErrorStillReachesTheCaller() {
        runner.willPlay(Turns.text(Usage.of(1, 1), "Hel", "lo"));
        java.util.function.Consumer<ReplyEvent> goneAfterStart = event -> {
            if (event instanceof ReplyEvent.TextDelta) {
                throw new UncheckedIOException(new IOException("Broken pipe"));
            }
        };

        assertThatThrownBy(() -> service(new Watchdogs(LONG, LONG, 1_000)).stream(Requests.ask("Hi"), goneAfterStart))
                .isInstanceOf(UncheckedIOException.class);

        Trace trace = store.traces.get("req_test");
        assertThat(trace.outcome()).isEqualTo(TraceOutcome.CLIENT_DISCONNECT);
        assertThat(trace.status()).isEqualTo(TraceStatus.ERROR);
        assertThat(trace.times().firstToken()).isNotNull();
        assertThat(runner.lastTurn().cancelled()).isTrue();
    }

    @Test
    void anInterruptedWait_isTracedAsAClientDisconnect() throws Exception {
        runner.willPlay(TurnScript.heldUntil(never));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread request = Thread.ofVirtual().start(() -> {
            try {
                service(new Watchdogs(LONG, LONG, 1_000)).create(Requests.ask("Hi"));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        awaitActive();
        request.interrupt();
        request.join();

        assertThat(thrown.get()).isInstanceOf(ReplyException.class);
        assertThat(store.traces.get("req_test").outcome()).isEqualTo(TraceOutcome.CLIENT_DISCONNECT);
    }

    @Test
    void aRunningRequest_isActive_withItsPhase_untilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.willPlay(TurnScript.heldUntil(release).then(Turns.text(Usage.of(1, 1), "Hi")));
        RecordingSink sink = new RecordingSink();
        Thread request = Thread.ofVirtual().start(
                () -> service(new Watchdogs(LONG, LONG, 1_000)).stream(Requests.ask("Hi"), sink));

        awaitActive();
        assertThat(traces.active()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TraceStatus.ACTIVE);
            assertThat(t.outcome()).isNull();
        });
        assertThat(traces.activeTrace("req_test")).isPresent();
        assertThat(traces.stats().active()).isEqualTo(1);
        release.countDown();
        request.join();

        assertThat(traces.active()).isEmpty();
        assertThat(store.traces.get("req_test").phase()).isEqualTo(TracePhase.COMPLETED);
    }

    @Test
    void aQueueTimeout_isTracedWithoutACliRun() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, Duration.ofMillis(20));
        AdmissionQueue.Slot taken = queue.acquire();
        try (taken) {
            assertThatThrownBy(() -> service(queue, new Watchdogs(LONG, LONG, 1_000)).create(Requests.ask("Hi")))
                    .isInstanceOf(ReplyException.class);
        }

        Trace trace = store.traces.get("req_test");
        assertThat(trace.outcome()).isEqualTo(TraceOutcome.QUEUE_TIMEOUT);
        assertThat(trace.errorType()).isEqualTo("overloaded");
        assertThat(trace.times().queued()).isNotNull();
        assertThat(trace.times().acquired()).isNull();
        assertThat(trace.times().cliStarted()).isNull();
        assertThat(runner.requests()).isEmpty();
    }

    @Test
    void aFailingTraceStore_neverCostsTheAnswer() {
        store.failing = true;
        runner.willPlay(Turns.text(Usage.of(1, 1), "Hello"));

        assertThat(service(new Watchdogs(LONG, LONG, 1_000)).create(Requests.ask("Hi")).content()).hasSize(1);
        assertThat(told).hasSize(1);
    }

    @Test
    void aFailedResume_isMarkedOnTheTraceOfTheAnswerThatFellBack() {
        MapSessionRepository sessions = new MapSessionRepository();
        ConversationSessions conversations = new ConversationSessions(sessions, new RecordingTranscripts(),
                Clock.systemUTC(), Duration.ofHours(1), 10);
        sessions.save(dev.claudeproxy.domain.session.Session.started("conv", "old-cli", Requests.MODEL, 1,
                Instant.now()));
        runner.willPlay(TurnEvent.Failed.of(FailureKind.RESUME_NOT_FOUND, "no such session"));
        runner.willPlay(Turns.textInSession("new-cli", Usage.of(1, 1), "Hello"));
        CreateMessageCommand command = Requests.conversation(List.of(Message.user("a"), Message.assistant("b"),
                Message.user("c"))).withConversation(Optional.of("conv"), Optional.empty());

        new CreateMessageService(runner, new AdmissionQueue(1, LONG), new SequenceIds(), LONG,
                Optional.of(conversations), Watchdogs.unlimited(), traces).create(command);

        Trace trace = store.traces.get("req_test");
        assertThat(trace.outcome()).isEqualTo(TraceOutcome.COMPLETED);
        assertThat(trace.session().conversationId()).isEqualTo("conv");
        assertThat(trace.session().resuming()).isTrue();
        assertThat(trace.session().resumeFailed()).isTrue();
        assertThat(trace.session().cliSessionId()).isEqualTo("new-cli");
    }

    @Test
    void stats_countEndedRequestsPerModelAndOutcome() {
        runner.willPlay(Turns.text(Usage.of(1, 1), "Hello"));
        runner.willPlay(TurnEvent.Failed.of(FailureKind.CLI_CRASHED, "gone"));
        CreateMessageService service = service(new Watchdogs(LONG, LONG, 1_000));

        service.create(Requests.ask("Hi"));
        assertThatThrownBy(() -> service.create(Requests.ask("Hi"))).isInstanceOf(ReplyException.class);

        var stats = traces.stats();
        assertThat(stats.total()).isEqualTo(2);
        assertThat(stats.completed()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.errorRate()).isEqualTo(0.5);
        assertThat(stats.byModel().get("sonnet").requests()).isEqualTo(2);
        assertThat(stats.byOutcome()).containsEntry("completed", 1L).containsEntry("cli_crashed", 1L);
    }

    private void awaitActive() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (traces.active().isEmpty() || runner.turns().isEmpty()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the request never became active");
            }
            Thread.sleep(5);
        }
    }

    private CreateMessageService service(Watchdogs watchdogs) {
        return service(new AdmissionQueue(1, Duration.ofSeconds(5)), watchdogs);
    }

    private CreateMessageService service(AdmissionQueue queue, Watchdogs watchdogs) {
        return new CreateMessageService(runner, queue, new SequenceIds(), Duration.ofSeconds(5), Optional.empty(),
                watchdogs, traces);
    }
}
