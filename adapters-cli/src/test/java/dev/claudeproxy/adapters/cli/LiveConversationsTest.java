package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.ThinkingConfig;
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

/** The registry of parked processes, with {@code cat} standing in for the CLI: it waits on stdin and exits at EOF. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LiveConversationsTest {

    private static final LiveKey KEY = new LiveKey(ModelTier.SONNET, true, Optional.empty(), Optional.of("Be terse."),
            true);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final List<CliProcess> started = new CopyOnWriteArrayList<>();
    private final LiveConversations live = new LiveConversations(new LiveSettings(2, Duration.ofMinutes(1)),
            Duration.ofSeconds(1));

    @AfterEach
    void closeAndKillWhatWasNotParked() throws InterruptedException {
        live.close();
        started.forEach(CliProcess::kill); // a runner's turn ends the processes it did not park: nobody here
        await(() -> started.stream().noneMatch(CliProcess::isAlive), "every process is gone");
    }

    @Test
    void twoTurnsOfOneSessionAtOnce_parkNeitherProcess_butALaterTurnAloneDoes() throws Exception {
        live.begin("s");
        live.begin("s");

        assertThat(live.finish("s", KEY, cat(), true)).isFalse();
        assertThat(live.finish("s", KEY, cat(), true)).as("the other one missed a turn too").isFalse();
        assertThat(live.parkedPids()).isEmpty();

        live.begin("s");
        CliProcess alone = cat();
        assertThat(live.finish("s", KEY, alone, true)).isTrue();
        assertThat(live.parkedPids()).containsExactly(alone.pid());
    }

    @Test
    void aTurnThatDidNotComplete_parksNothing() throws Exception {
        live.begin("s");

        assertThat(live.finish("s", KEY, cat(), false)).isFalse();
        assertThat(live.parkedPids()).isEmpty();
    }

    @Test
    void aProcessThatDoesNotFit_isNotHandedOut_andEnds() throws Exception {
        CliProcess process = park("s");
        LiveKey thinking = new LiveKey(ModelTier.SONNET, true, Optional.of(new ThinkingConfig.Adaptive()),
                Optional.of("Be terse."), true);

        assertThat(live.take("s", thinking)).isEmpty();

        await(() -> !process.isAlive(), "the process that did not fit ends");
        assertThat(live.take("s", KEY)).as("it is no longer parked").isEmpty();
        assertThat(live.stats()).isEqualTo(new LiveStats(0, 0, 2));
    }

    @Test
    void aParkedProcessThatDied_isNeverHandedOut() throws Exception {
        CliProcess process = park("s");
        process.kill();
        await(() -> !process.isAlive(), "the process died");

        assertThat(live.take("s", KEY)).isEmpty();
    }

    @Test
    void aFittingLiveProcess_isHandedOutOnce() throws Exception {
        CliProcess process = park("s");

        assertThat(live.take("s", KEY)).containsSame(process);
        assertThat(live.take("s", KEY)).isEmpty();
        assertThat(live.stats()).isEqualTo(new LiveStats(0, 1, 1));
        process.kill();
    }

    @Test
    void parkingASessionAgain_endsTheProcessParkedForItBefore() throws Exception {
        CliProcess older = park("s");
        CliProcess newer = park("s");

        await(() -> !older.isAlive(), "the older process ends");
        assertThat(live.parkedPids()).containsExactly(newer.pid());
    }

    @Test
    void anExitedProcess_isDropped() throws Exception {
        CliProcess process = park("s");
        process.kill();
        await(() -> !process.isAlive(), "the process died");

        live.exited(process);

        assertThat(live.parkedPids()).isEmpty();
    }

    @Test
    void afterClose_nothingIsParked() throws Exception {
        live.close();
        live.begin("s");

        assertThat(live.finish("s", KEY, cat(), true)).isFalse();
        assertThat(live.parkedPids()).isEmpty();
    }

    private CliProcess park(String session) throws IOException {
        CliProcess process = cat();
        live.begin(session);
        assertThat(live.finish(session, KEY, process, true)).isTrue();
        return process;
    }

    private CliProcess cat() throws IOException {
        CliProcess process = CliProcess.start(new ProcessBuilder("cat").start());
        started.add(process);
        return process;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + LIMIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
