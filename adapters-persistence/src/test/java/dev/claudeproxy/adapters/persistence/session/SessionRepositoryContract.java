package dev.claudeproxy.adapters.persistence.session;

import static dev.claudeproxy.adapters.persistence.session.Sessions.T0;
import static dev.claudeproxy.adapters.persistence.session.Sessions.session;
import static dev.claudeproxy.adapters.persistence.session.Sessions.usedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.domain.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SessionRepository} must do; run against the JDBC, in-memory and cached repositories alike. */
public abstract class SessionRepositoryContract {

    protected SessionRepository repository;

    /** A repository that holds no session yet; called before each test. */
    protected abstract SessionRepository emptyRepository() throws Exception;

    @BeforeEach
    void setUpRepository() throws Exception {
        repository = emptyRepository();
    }

    @Test
    void aSavedSession_isFoundEqual_includingNanosecondTimestamps() {
        Session saved = new Session("conv-1", "cli-1", "claude-opus-4-1", 7, T0, T0.plusNanos(1), 3, 2);

        repository.save(saved);

        assertThat(repository.find("conv-1")).contains(saved);
        assertThat(repository.find("conv-1").orElseThrow().lastUsedAt().getNano()).isEqualTo(123_456_790);
    }

    @Test
    void theLongestConversationId_withCharactersOutsideAscii_roundTrips() {
        int max = Session.MAX_CONVERSATION_ID_LENGTH;
        String id = "ü€😀-".repeat(max / 5) + "x".repeat(max % 5);
        assertThat(id).hasSize(max);

        repository.save(session(id));

        assertThat(repository.find(id)).contains(session(id));
    }

    @Test
    void savingTheSameConversationAgain_replacesItsSession() {
        Session first = session("conv-1");
        Session resumed = first.resumed(9, T0.plusSeconds(60));
        repository.save(first);

        repository.save(resumed);

        assertThat(repository.find("conv-1")).contains(resumed);
        assertThat(repository.list()).containsExactly(resumed);
    }

    @Test
    void delete_returnsTheRemovedSession_andForgetsIt() {
        Session kept = session("kept");
        Session deleted = session("deleted");
        repository.save(kept);
        repository.save(deleted);

        assertThat(repository.delete("deleted")).contains(deleted);

        assertThat(repository.find("deleted")).isEmpty();
        assertThat(repository.list()).containsExactly(kept);
    }

    @Test
    void unknownConversationIds_areNeitherFoundNorDeleted() {
        repository.save(session("known"));

        assertThat(repository.find("unknown")).isEmpty();
        assertThat(repository.delete("unknown")).isEmpty();
        assertThat(repository.delete("KNOWN")).as("ids are case-sensitive").isEmpty();
        assertThat(repository.list()).containsExactly(session("known"));
    }

    @Test
    void anEmptyRepository_listsAndRemovesNothing() {
        assertThat(repository.list()).isEmpty();
        assertThat(repository.removeIdleSince(T0.plusSeconds(1))).isEmpty();
        assertThat(repository.removeAllButNewest(0)).isEmpty();
    }

    @Test
    void list_isMostRecentlyUsedFirst_tiesInConversationIdOrder() {
        Session old = usedAt("old", 1);
        Session newest = usedAt("newest", 30);
        Session tiedB = usedAt("tied-b", 20);
        Session tiedA = usedAt("tied-a", 20);
        Session byANanosecond = new Session("nano", "cli", "m", 1, T0, T0.plusSeconds(20).plusNanos(1), 0, 0);
        Stream.of(old, tiedB, newest, byANanosecond, tiedA).forEach(repository::save);

        assertThat(repository.list()).containsExactly(newest, byANanosecond, tiedA, tiedB, old);
    }

    @Test
    void removeIdleSince_removesExactlyTheSessionsLastUsedBeforeTheCutoff_andReturnsThem() {
        Session idle = usedAt("idle", 0);
        Session idleByANanosecond = new Session("nano", "cli", "m", 1, T0, T0.plusSeconds(10).minusNanos(1), 0, 0);
        Session usedAtTheCutoff = usedAt("at-cutoff", 10);
        Session active = usedAt("active", 11);
        Stream.of(idle, idleByANanosecond, usedAtTheCutoff, active).forEach(repository::save);

        List<Session> removed = repository.removeIdleSince(T0.plusSeconds(10));

        assertThat(removed).containsExactly(idleByANanosecond, idle);
        assertThat(repository.list()).containsExactly(active, usedAtTheCutoff);
        assertThat(repository.removeIdleSince(T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void removeAllButNewest_keepsTheNewestN_andReturnsTheOthers() {
        Session a = usedAt("a", 1);
        Session b = usedAt("b", 2);
        Session c = usedAt("c", 3);
        Session d = usedAt("d", 4);
        Stream.of(c, a, d, b).forEach(repository::save);

        assertThat(repository.removeAllButNewest(2)).containsExactly(b, a);

        assertThat(repository.list()).containsExactly(d, c);
        assertThat(repository.find("a")).isEmpty();
    }

    @Test
    void removeAllButNewest_zero_removesEverySession() {
        Stream.of(usedAt("a", 1), usedAt("b", 2)).forEach(repository::save);

        assertThat(repository.removeAllButNewest(0)).containsExactly(usedAt("b", 2), usedAt("a", 1));

        assertThat(repository.list()).isEmpty();
    }

    @Test
    void removeAllButNewest_moreThanAreStored_removesNothing() {
        Stream.of(usedAt("a", 1), usedAt("b", 2)).forEach(repository::save);

        assertThat(repository.removeAllButNewest(2)).isEmpty();
        assertThat(repository.removeAllButNewest(500)).isEmpty();

        assertThat(repository.list()).hasSize(2);
    }

    @Test
    void removeAllButNewest_aNegativeCount_isRefused() {
        assertThatThrownBy(() -> repository.removeAllButNewest(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentSavesAndRemovals_neitherLoseNorDuplicateASession() throws Exception {
        int writers = 4;
        int perWriter = 40;
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Session> removed = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                for (int i = 0; i < perWriter; i++) {
                    repository.save(usedAt("w" + writer + "-" + i, i));
                }
                return null;
            });
        }
        tasks.add(() -> {
            while (writing.get()) {
                removed.addAll(repository.removeIdleSince(T0.plusSeconds(perWriter / 4)));
            }
            return null;
        });
        tasks.add(() -> {
            while (writing.get()) {
                removed.addAll(repository.removeAllButNewest(writers * perWriter / 2));
            }
            return null;
        });
        tasks.add(() -> {
            while (writing.get()) {
                repository.delete("w0-0").ifPresent(removed::add);
            }
            return null;
        });

        runTogether(tasks, writers, writing);
        removed.addAll(repository.removeAllButNewest(writers * perWriter / 2));

        Set<Session> saved = Stream.iterate(0, w -> w < writers, w -> w + 1)
                .flatMap(w -> Stream.iterate(0, i -> i < perWriter, i -> i + 1).map(i -> usedAt("w" + w + "-" + i, i)))
                .collect(Collectors.toSet());
        List<Session> left = repository.list();
        assertThat(removed).doesNotHaveDuplicates().doesNotContainAnyElementsOf(left);
        assertThat(left).hasSize(writers * perWriter / 2);
        assertThat(Stream.concat(removed.stream(), left.stream())).containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void concurrentSavesOfTheSameConversations_leaveOneSessionEach() throws Exception {
        int threads = 4;
        int conversations = 5;
        int rounds = 30;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int r = 0; r < rounds; r++) {
                    for (int c = 0; c < conversations; c++) {
                        repository.save(usedAt("shared-" + c, r));
                    }
                }
                return null;
            });
        }

        runTogether(tasks, threads, new AtomicBoolean());

        List<Session> lastRound = Stream.iterate(0, c -> c < conversations, c -> c + 1)
                .map(c -> usedAt("shared-" + c, rounds - 1)).toList();
        assertThat(repository.list()).containsExactlyInAnyOrderElementsOf(lastRound);
    }

    @Test
    void concurrentFirstSavesOfOneConversation_allSucceed_andOneOfThemIsKept() throws Exception {
        int threads = 4;
        int conversations = 40;
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int c = 0; c < conversations; c++) {
                    // every thread saves conversation c for the first time at once
                    together.await(30, TimeUnit.SECONDS);
                    repository.save(usedAt("new-" + c, thread));
                }
                return null;
            });
        }

        runTogether(tasks, threads, new AtomicBoolean());

        assertThat(repository.list()).hasSize(conversations)
                .allSatisfy(kept -> assertThat(kept.lastUsedAt()).isBetween(T0, T0.plusSeconds(threads - 1)));
    }

    /**
     * Starts {@code tasks} at once, waits (bounded) for the first {@code finishing} of them, then clears
     * {@code running} so the rest stop, and waits for those; any task's failure fails the test.
     */
    private static void runTogether(List<Callable<Void>> tasks, int finishing, AtomicBoolean running)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            try {
                for (Future<Void> future : futures.subList(0, finishing)) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                running.set(false);
            }
            for (Future<Void> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
    }
}
