package dev.claudeproxy.adapters.persistence.trace;

import static dev.claudeproxy.adapters.persistence.trace.Traces.T0;
import static dev.claudeproxy.adapters.persistence.trace.Traces.active;
import static dev.claudeproxy.adapters.persistence.trace.Traces.completed;
import static dev.claudeproxy.adapters.persistence.trace.Traces.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.adapters.persistence.DatabaseException;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** The write-behind cache in front of a repository whose saves can be held back or made to fail. */
class CachedTraceRepositoryTest {

    private final ScriptedTraceRepository delegate = new ScriptedTraceRepository();
    private final ManualExecutor writer = new ManualExecutor();
    private final CachedTraceRepository cached = new CachedTraceRepository(delegate, 100, writer);

    @Test
    void aSaveNotWrittenYet_isFoundAndListed_andTheWriterWritesIt() {
        cached.save(failed("req-1", 1));
        cached.save(completed("req-2", 2));

        assertThat(delegate.stored.recent(10)).as("nothing written yet").isEmpty();
        assertThat(cached.find("req-1")).contains(failed("req-1", 1));
        assertThat(cached.recent(10)).containsExactly(completed("req-2", 2), failed("req-1", 1));
        assertThat(cached.recentErrors(10)).containsExactly(failed("req-1", 1));

        writer.runAll();

        assertThat(delegate.stored.recent(10)).containsExactly(completed("req-2", 2), failed("req-1", 1));
        cached.flush();
    }

    @Test
    void reads_mergeUnwrittenSavesWithStoredTraces_newestFirst_eachRequestOnce_theLastSaveWinning() {
        delegate.stored.save(completed("stored", 1));
        delegate.stored.save(failed("replaced", 2));
        cached.save(completed("replaced", 2));
        cached.save(failed("unwritten", 3));

        assertThat(cached.recent(10)).containsExactly(failed("unwritten", 3), completed("replaced", 2),
                completed("stored", 1));
        assertThat(cached.recent(2)).containsExactly(failed("unwritten", 3), completed("replaced", 2));
        assertThat(cached.recentErrors(10)).containsExactly(failed("unwritten", 3));
    }

    @Test
    void twoSavesOfOneRequestBeforeItsWrite_areOneWrite_ofTheLaterSave() {
        cached.save(active("req-1", 0));
        cached.save(completed("req-1", 0));

        assertThat(writer.queued()).isEqualTo(1);
        writer.runAll();

        assertThat(delegate.saveThreads).hasSize(1);
        assertThat(delegate.stored.find("req-1")).contains(completed("req-1", 0));
    }

    @Test
    void aSaveWhileTheRequestsEarlierSaveIsBeingWritten_isWrittenAfterIt_soTheLaterOneStays() throws Exception {
        try (CachedTraceRepository behind = CachedTraceRepository.writingBehind(delegate, 100)) {
            delegate.holdSaves();
            behind.save(active("req-1", 0));
            delegate.awaitSaveBegun();

            behind.save(completed("req-1", 0));
            delegate.releaseSaves();
            behind.flush();

            assertThat(delegate.saveThreads).hasSize(2);
            assertThat(delegate.stored.find("req-1")).contains(completed("req-1", 0));
            assertThat(behind.find("req-1")).contains(completed("req-1", 0));
        }
    }

    @Test
    void manySavesOfTheSameRequests_onAWriterOfManyThreads_endWithTheLastSaveOfEach() {
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            CachedTraceRepository onMany = new CachedTraceRepository(delegate, 100, threads);
            for (int round = 0; round < 200; round++) {
                for (int r = 0; r < 5; r++) {
                    onMany.save(round % 2 == 0 ? failed("req-" + r, round) : completed("req-" + r, round));
                }
            }
            onMany.flush();

            assertThat(delegate.stored.recent(10)).containsExactly(completed("req-4", 199), completed("req-3", 199),
                    completed("req-2", 199), completed("req-1", 199), completed("req-0", 199));
        }
    }

    @Test
    void aFailingWrite_neverReachesTheCaller_isLoggedWithTheRequestIdButNoMessage_andTheTraceStaysFindable() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(CachedTraceRepository.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            delegate.failure = new DatabaseException("saving the trace of request req-1",
                    new SQLException("Value too long: 'my SECRET prompt'", "22001", 22001));

            cached.save(failed("req-1", 0));
            writer.runAll();
            cached.flush();

            assertThat(cached.find("req-1")).contains(failed("req-1", 0));
            assertThat(logged).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getThrown()).isNull();
                assertThat(new SimpleFormatter().formatMessage(record)).contains("req-1", "DatabaseException",
                        "SQL state 22001").doesNotContain("SECRET");
            });
        } finally {
            logger.removeHandler(capture);
        }

        delegate.failure = null;
        cached.save(completed("req-2", 1));
        writer.runAll();
        assertThat(delegate.stored.find("req-2")).contains(completed("req-2", 1));
    }

    @Test
    void writingBehind_writesOnADaemonThreadNamedTraceWriter() {
        try (CachedTraceRepository behind = CachedTraceRepository.writingBehind(delegate, 100)) {
            behind.save(completed("req-1", 0));
            behind.flush();
        }

        assertThat(delegate.saveThreads).singleElement().satisfies(thread -> {
            assertThat(thread.getName()).isEqualTo("trace-writer");
            assertThat(thread.isDaemon()).isTrue();
        });
        assertThat(delegate.stored.find("req-1")).contains(completed("req-1", 0));
    }

    @Test
    void close_waitsUntilEverySaveIsWritten() throws Exception {
        CachedTraceRepository behind = CachedTraceRepository.writingBehind(delegate, 100);
        delegate.holdSaves();
        behind.save(completed("req-1", 0));
        delegate.awaitSaveBegun();

        Thread closing = Thread.ofPlatform().start(behind::close);
        awaitWaiting(closing);
        delegate.releaseSaves();
        closing.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(closing.isAlive()).isFalse();
        assertThat(delegate.stored.find("req-1")).contains(completed("req-1", 0));
    }

    @Test
    void aSaveAfterClose_isWrittenAtOnce_onTheCallersThread() {
        CachedTraceRepository behind = CachedTraceRepository.writingBehind(delegate, 100);
        behind.close();

        behind.save(completed("req-1", 0));

        assertThat(delegate.stored.find("req-1")).contains(completed("req-1", 0));
        assertThat(delegate.saveThreads).containsExactly(Thread.currentThread());
    }

    @Test
    void removeReceivedBefore_writesTheUnwrittenSavesFirst_thenForgetsTheRemovedOnes() throws Exception {
        try (CachedTraceRepository behind = CachedTraceRepository.writingBehind(delegate, 100)) {
            delegate.holdSaves();
            behind.save(failed("old", 0));
            behind.save(completed("new", 20));
            delegate.awaitSaveBegun();

            CompletableFuture<Integer> removed = new CompletableFuture<>();
            Thread removing = Thread.ofPlatform().start(
                    () -> removed.complete(behind.removeReceivedBefore(T0.plusSeconds(10))));
            awaitWaiting(removing);
            delegate.releaseSaves();

            assertThat(removed.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(behind.find("old")).isEmpty();
            assertThat(behind.recent(10)).containsExactly(completed("new", 20));
            assertThat(delegate.stored.recent(10)).containsExactly(completed("new", 20));
        }
    }

    @Test
    void find_asksTheDelegateForTracesSavedElsewhere() {
        delegate.stored.save(completed("elsewhere", 0));

        assertThat(cached.find("elsewhere")).contains(completed("elsewhere", 0));
        assertThat(cached.find("nowhere")).isEmpty();
    }

    @Test
    void theCache_holdsTextsCutAsTheTableCutsThem() {
        Trace longAgent = Traces.withRequest(active("req-1", 0),
                new TraceRequest("req-1", "", "", "", false, false, false, 0, 0, 0, 0, "", "u".repeat(5000)));

        cached.save(longAgent);

        assertThat(cached.find("req-1").orElseThrow().request().userAgent()).hasSize(TraceColumns.USER_AGENT);
    }

    @Test
    void aNegativeCapacity_isRefused() {
        assertThatThrownBy(() -> new CachedTraceRepository(delegate, -1, writer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Waits (bounded, without sleeping) until {@code thread} blocks waiting; fails if it ends instead. */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(thread.getState()).as("%s should wait, not end", thread).isNotEqualTo(Thread.State.TERMINATED);
            assertThat(System.nanoTime()).as("waited too long for %s to wait", thread).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
