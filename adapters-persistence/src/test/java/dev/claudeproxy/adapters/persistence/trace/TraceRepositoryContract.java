package dev.claudeproxy.adapters.persistence.trace;

import static dev.claudeproxy.adapters.persistence.trace.Traces.T0;
import static dev.claudeproxy.adapters.persistence.trace.Traces.active;
import static dev.claudeproxy.adapters.persistence.trace.Traces.completed;
import static dev.claudeproxy.adapters.persistence.trace.Traces.endedAs;
import static dev.claudeproxy.adapters.persistence.trace.Traces.failed;
import static dev.claudeproxy.adapters.persistence.trace.Traces.withRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;
import dev.claudeproxy.domain.trace.TraceTimes;
import dev.claudeproxy.domain.turn.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TraceRepository} must do; run against the JDBC, in-memory and cached repositories alike. */
public abstract class TraceRepositoryContract {

    protected TraceRepository repository;

    /** A repository that holds no trace yet; called before each test. */
    protected abstract TraceRepository emptyRepository() throws Exception;

    @BeforeEach
    void setUpRepository() throws Exception {
        repository = emptyRepository();
    }

    @Test
    void aCompletedTrace_isFoundEqual_includingNanosecondTimes() {
        Trace saved = completed("req-1", 0);

        repository.save(saved);

        Trace found = repository.find("req-1").orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.times().completed().getNano()).isEqualTo(723_456_795);
    }

    @Test
    void aFailedTrace_withItsErrorAndAMissingTime_isFoundEqual() {
        Trace saved = failed("req-1", 0);

        repository.save(saved);

        assertThat(repository.find("req-1")).contains(saved);
        assertThat(repository.find("req-1").orElseThrow().times().firstToken()).isNull();
    }

    @Test
    void anActiveTrace_withOnlyItsReceiptTime_noTextsAndNoOutcome_isFoundEqual() {
        repository.save(active("req-1", 0));

        assertThat(repository.find("req-1")).contains(active("req-1", 0));
    }

    @Test
    void everyPhaseAndEveryOutcome_isFoundAsSaved() {
        List<Trace> saved = new ArrayList<>();
        for (TracePhase phase : TracePhase.values()) {
            saved.add(endedAs(completed("phase-" + phase, 0), phase, phase.terminal() ? TraceOutcome.COMPLETED : null));
        }
        for (TraceOutcome outcome : TraceOutcome.values()) {
            saved.add(endedAs(failed("outcome-" + outcome, 0), TracePhase.ERROR, outcome));
        }
        saved.forEach(repository::save);

        assertThat(saved).allSatisfy(trace -> assertThat(repository.find(trace.id())).contains(trace));
    }

    @Test
    void savingTheSameRequestAgain_replacesItsTrace() {
        repository.save(active("req-1", 0));

        repository.save(completed("req-1", 0));

        assertThat(repository.find("req-1")).contains(completed("req-1", 0));
        assertThat(repository.recent(10)).containsExactly(completed("req-1", 0));
    }

    @Test
    void unknownRequestIds_areNotFound_andIdsAreCaseSensitive() {
        repository.save(completed("req-a", 0));

        assertThat(repository.find("req-b")).isEmpty();
        assertThat(repository.find("REQ-A")).isEmpty();
    }

    @Test
    void anEmptyRepository_findsListsAndRemovesNothing() {
        assertThat(repository.find("req-1")).isEmpty();
        assertThat(repository.recent(10)).isEmpty();
        assertThat(repository.recentErrors(10)).isEmpty();
        assertThat(repository.removeReceivedBefore(T0.plusSeconds(1))).isZero();
    }

    @Test
    void recent_isNewestReceivedFirst_tiesInDescendingRequestIdOrder() {
        Trace old = completed("old", 1);
        Trace newest = failed("newest", 30);
        Trace tiedA = completed("tied-a", 20);
        Trace tiedB = active("tied-b", 20);
        Trace byANanosecond = new Trace(completed("nano", 0).request(),
                TraceTimes.receivedAt(T0.plusSeconds(20).plusNanos(1)), TracePhase.QUEUED, CliActivity.NONE, null,
                "", "", Usage.ZERO, TraceSession.NONE);
        Stream.of(old, tiedA, newest, byANanosecond, tiedB).forEach(repository::save);

        assertThat(repository.recent(10)).containsExactly(newest, byANanosecond, tiedB, tiedA, old);
    }

    @Test
    void recent_returnsAtMostTheLimit_theNewestOnes() {
        IntStream.range(0, 5).forEach(i -> repository.save(completed("req-" + i, i)));

        assertThat(repository.recent(2)).containsExactly(completed("req-4", 4), completed("req-3", 3));
        assertThat(repository.recent(0)).isEmpty();
        assertThat(repository.recentErrors(0)).isEmpty();
    }

    @Test
    void aNegativeLimit_isRefused() {
        assertThatThrownBy(() -> repository.recent(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.recentErrors(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentErrors_holdsOnlyTracesThatEndedInError_newestFirst_upToTheLimit() {
        Stream.of(failed("err-1", 1), completed("ok-2", 2), failed("err-3", 3), active("active-4", 4),
                failed("err-5", 5), completed("ok-6", 6)).forEach(repository::save);

        assertThat(repository.recentErrors(10)).containsExactly(failed("err-5", 5), failed("err-3", 3),
                failed("err-1", 1));
        assertThat(repository.recentErrors(2)).containsExactly(failed("err-5", 5), failed("err-3", 3));
    }

    @Test
    void aFailedTraceSavedAgainAsCompleted_isNoLongerAnError() {
        repository.save(failed("req-1", 0));

        repository.save(completed("req-1", 0));

        assertThat(repository.recentErrors(10)).isEmpty();
        assertThat(repository.recent(10)).containsExactly(completed("req-1", 0));
    }

    @Test
    void removeReceivedBefore_removesExactlyTheTracesReceivedBeforeTheCutoff_andCountsThem() {
        Trace old = failed("old", 0);
        Trace oldByANanosecond = withTimes(active("nano", 0), TraceTimes.receivedAt(T0.plusSeconds(10).minusNanos(1)));
        Trace atTheCutoff = completed("at-cutoff", 10);
        Trace newer = completed("newer", 11);
        Stream.of(old, oldByANanosecond, atTheCutoff, newer).forEach(repository::save);

        assertThat(repository.removeReceivedBefore(T0.plusSeconds(10))).isEqualTo(2);

        assertThat(repository.recent(10)).containsExactly(newer, atTheCutoff);
        assertThat(repository.find("old")).isEmpty();
        assertThat(repository.find("nano")).isEmpty();
        assertThat(repository.recentErrors(10)).isEmpty();
        assertThat(repository.removeReceivedBefore(T0.plusSeconds(10))).isZero();
    }

    @Test
    void textsLongerThanTheirColumns_areCutToFit_andTheSaveSucceeds() {
        TraceRequest request = new TraceRequest("req-long", "/" + "r".repeat(999), "m".repeat(5000), "n".repeat(300),
                true, true, true, 1, 2, 3, 4, "i".repeat(100), "u".repeat(10_000));
        Trace trace = new Trace(request, TraceTimes.receivedAt(T0), TracePhase.ERROR,
                new CliActivity(1, "x".repeat(200), 2, 3, 4), TraceOutcome.INTERNAL_ERROR, "t".repeat(200),
                "e".repeat(100_000), Usage.ZERO, new TraceSession("c".repeat(600), "s".repeat(200), true, true));

        repository.save(trace);

        TraceRequest cutRequest = new TraceRequest("req-long", "/" + "r".repeat(255), "m".repeat(256),
                "n".repeat(256), true, true, true, 1, 2, 3, 4, "i".repeat(64), "u".repeat(1024));
        assertThat(repository.find("req-long")).contains(new Trace(cutRequest, TraceTimes.receivedAt(T0),
                TracePhase.ERROR, new CliActivity(1, "x".repeat(128), 2, 3, 4), TraceOutcome.INTERNAL_ERROR,
                "t".repeat(128), "e".repeat(4000), Usage.ZERO,
                new TraceSession("c".repeat(512), "s".repeat(128), true, true)));
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String userAgent = "a" + "😀".repeat(600); // the 1024th char is the first half of an emoji

        repository.save(withRequest(active("req-emoji", 0), userAgent(active("req-emoji", 0), userAgent)));

        assertThat(repository.find("req-emoji").orElseThrow().request().userAgent())
                .isEqualTo("a" + "😀".repeat(511));
    }

    @Test
    void textsOutsideAscii_quotes_controlCharacters_andSql_roundTrip() {
        String odd = "Mozilla/5.0 (ü€😀 中文) 'single' \"double\" \\back\n\ttab \u0000nul '); DROP TABLE traces; --";
        TraceRequest request = new TraceRequest("req-odd", "/v1/messages", "claude-ü", odd, false, false, false,
                0, 0, 0, 0, "::1", odd);
        Trace trace = new Trace(request, TraceTimes.receivedAt(T0), TracePhase.ERROR, new CliActivity(1, odd, 0, 0, 0),
                TraceOutcome.CLI_CRASHED, "crash", odd + "\nsecond line", Usage.ZERO,
                new TraceSession("conv-😀", odd, false, false));

        repository.save(trace);

        assertThat(repository.find("req-odd")).contains(trace);
        assertThat(repository.recent(10)).containsExactly(trace);
    }

    @Test
    void aRequestIdOf128Characters_isKept_butALongerOneIsRefused() {
        String longest = "r".repeat(128);
        repository.save(active(longest, 0));

        assertThatThrownBy(() -> repository.save(active("r".repeat(129), 1)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(repository.recent(10)).containsExactly(active(longest, 0));
    }

    @Test
    void concurrentSavesFromManyThreads_areAllKept() throws Exception {
        int threads = 4;
        int perThread = 25;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = "t" + thread + "-" + i;
                    repository.save(i % 2 == 0 ? completed(id, i) : failed(id, i));
                }
                return null;
            });
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(repository.recent(1000)).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(repository.recentErrors(1000)).hasSize(threads * (perThread / 2))
                .allSatisfy(trace -> assertThat(trace.phase()).isEqualTo(TracePhase.ERROR));
    }

    private static Trace withTimes(Trace trace, TraceTimes times) {
        return new Trace(trace.request(), times, trace.phase(), trace.cli(), trace.outcome(), trace.errorType(),
                trace.errorMessage(), trace.usage(), trace.session());
    }

    private static TraceRequest userAgent(Trace trace, String userAgent) {
        TraceRequest r = trace.request();
        return new TraceRequest(r.requestId(), r.route(), r.requestedModel(), r.model(), r.stream(), r.hasTools(),
                r.thinking(), r.promptChars(), r.systemChars(), r.messageCount(), r.bodyBytes(), r.clientIp(),
                userAgent);
    }
}
