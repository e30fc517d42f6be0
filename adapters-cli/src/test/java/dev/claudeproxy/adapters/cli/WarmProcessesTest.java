package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.message.ModelTier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Processes started ahead of need: handed out only alive, replaced, bounded, reaped when unused, killed on close. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WarmProcessesTest {

    private static final WarmKey STREAM = new WarmKey(ModelTier.SONNET, true, false);
    private static final WarmKey WHOLE = new WarmKey(ModelTier.SONNET, false, false);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final List<Process> started = new CopyOnWriteArrayList<>();
    private WarmProcesses warm;

    @AfterEach
    void closeAndCheckNothingIsLeft() throws InterruptedException {
        if (warm != null) {
            warm.close();
        }
        await(() -> started.stream().noneMatch(Process::isAlive), "every started process is gone");
    }

    @Test
    void aWaitingProcess_goesToTheNextTurnOfItsKind_andAnotherStartsInItsPlace() throws Exception {
        warm = new WarmProcesses(this::sleeper, new WarmSettings(1, 4, Duration.ofMinutes(1), 0));
        warm.warm(STREAM);
        await(() -> warm.waitingCount() == 1, "one process waits");
        long first = warm.waitingPids().getFirst();

        Optional<Process> taken = warm.take(STREAM);

        assertThat(taken).hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(first));
        await(() -> warm.waitingCount() == 1, "a replacement waits");
        assertThat(warm.waitingPids()).doesNotContain(first);
        assertThat(warm.hits()).isEqualTo(1);
        assertThat(warm.take(WHOLE)).as("another kind has none waiting yet").isEmpty();
        assertThat(warm.misses()).isEqualTo(1);
        await(() -> warm.waitingCount() == 2, "the other kind gets one too");
        taken.get().destroyForcibly();
    }

    @Test
    void aWaitingProcessThatDied_isNeverHandedOut() throws Exception {
        warm = new WarmProcesses(this::sleeper, new WarmSettings(1, 4, Duration.ofMinutes(1), 0));
        warm.warm(STREAM);
        await(() -> warm.waitingCount() == 1, "one process waits");
        Process victim = started.getFirst();
        victim.destroyForcibly().waitFor();

        Optional<Process> taken = warm.take(STREAM);

        assertThat(taken).isEmpty();
        await(() -> warm.waitingCount() == 1 && !warm.waitingPids().contains(victim.pid()), "it is replaced");
    }

    @Test
    void waitingProcesses_areBoundedPerKindAndInAll() throws Exception {
        warm = new WarmProcesses(this::sleeper, new WarmSettings(2, 3, Duration.ofMinutes(1), 0));
        warm.warm(STREAM);
        await(() -> warm.waitingCount() == 2, "two of one kind wait");
        warm.warm(WHOLE);
        await(() -> warm.waitingCount() == 3, "the total bound is reached");

        assertThat(started).hasSize(3);
    }

    @Test
    void aMemoryBoundTooSmallForOneCli_startsNone() throws Exception {
        warm = new WarmProcesses(this::sleeper, new WarmSettings(1, 4, Duration.ofMinutes(1), 1024));
        warm.warm(STREAM);

        assertThat(warm.take(STREAM)).isEmpty();
        warm.close(); // waits for nothing: the starter thread has run or is refused
        assertThat(started).isEmpty();
    }

    @Test
    void unusedProcesses_areKilledAfterTheirLifetime_andNotReplaced() throws Exception {
        warm = new WarmProcesses(this::sleeper, new WarmSettings(1, 4, Duration.ofMillis(200), 0));
        warm.warm(STREAM);
        await(() -> warm.waitingCount() == 1, "one process waits");
        Process first = started.getFirst();

        await(() -> !first.isAlive(), "the unused process is killed");
        assertThat(warm.waitingCount()).isZero();
        assertThat(started).hasSize(1);
    }

    @Test
    void close_killsEveryWaitingProcess() throws Exception {
        warm = new WarmProcesses(this::sleeper, new WarmSettings(2, 4, Duration.ofMinutes(1), 0));
        warm.warm(STREAM);
        await(() -> warm.waitingCount() == 2, "two wait");

        warm.close();

        await(() -> started.stream().noneMatch(Process::isAlive), "all are killed");
        assertThat(warm.take(STREAM)).isEmpty();
    }

    @Test
    void processesThatExitAtOnce_stopBeingStarted() throws Exception {
        warm = new WarmProcesses(key -> track(new ProcessBuilder("true").start()),
                new WarmSettings(1, 4, Duration.ofMinutes(1), 0));
        warm.warm(STREAM);

        await(warm::paused, "starting pauses after processes keep dying young");
        assertThat(started).hasSize(3);
        assertThat(warm.take(STREAM)).isEmpty();
    }

    private Process sleeper(WarmKey key) throws IOException {
        return track(new ProcessBuilder("sleep", "60").start());
    }

    private Process track(Process p) {
        started.add(p);
        return p;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + LIMIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
