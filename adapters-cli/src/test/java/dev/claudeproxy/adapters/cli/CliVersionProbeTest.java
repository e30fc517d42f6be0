package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.testkit.ScriptedCli;
import dev.claudeproxy.application.port.out.HealthProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cli} health probe over the scripted fake CLI: its version, a missing or failing CLI, one that hangs. */
class CliVersionProbeTest {

    private static final Duration LONG_CACHE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private ScriptedCli cli;

    @AfterEach
    void noProcessOutlivesTheTest() throws InterruptedException {
        awaitGone(ProcessHandle.current().descendants().toList());
    }

    @Test
    void aCliAnsweringVersion_isUp_withTheVersionLine() {
        HealthProbe probe = probe(Map.of("FAKE_CLI_VERSION", "2.0.14 (Claude Code)"), LONG_CACHE);

        assertThat(probe.name()).isEqualTo("cli");
        assertThat(probe.check()).isEqualTo(HealthProbe.Result.up("2.0.14 (Claude Code)"));
        assertThat(cli.starts().getLast().argv()).containsExactly("--version");
    }

    @Test
    void theAnswerIsReusedForTheCacheTime_soProbesDoNotEachStartACli() {
        HealthProbe cached = probe(Map.of(), LONG_CACHE);
        cached.check();
        cached.check();
        cached.check();
        assertThat(cli.starts()).hasSize(1);

        HealthProbe uncached = probe(Map.of(), Duration.ZERO);
        uncached.check();
        uncached.check();
        assertThat(cli.starts()).as("one more run for each uncached check").hasSize(3);
    }

    @Test
    void noExecutable_isDown_withoutStartingAnything() {
        HealthProbe.Result result = new CliVersionProbe(settings(Optional.empty(), Map.of())).check();

        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("Claude Code CLI not found");
    }

    @Test
    void anExecutableThatIsGone_isDown_sayingWhy() {
        HealthProbe.Result result = new CliVersionProbe(settings(Optional.of(dir.resolve("gone")), Map.of())).check();

        assertThat(result.up()).isFalse();
        assertThat(result.detail()).startsWith("`claude --version` could not run");
    }

    @Test
    void aCliExitingWithAnError_isDown_withItsExitCodeAndOutput() {
        HealthProbe probe = probe(Map.of("FAKE_CLI_VERSION", "broken install", "FAKE_CLI_VERSION_EXIT", "3"),
                LONG_CACHE);

        assertThat(probe.check()).isEqualTo(HealthProbe.Result.down("`claude --version` exited with 3: broken install"));
    }

    @Test
    void aHangingCli_isDownAfterTheTimeout_andKilledWithItsChild() throws InterruptedException {
        HealthProbe probe = new CliVersionProbe(settings(Map.of("FAKE_CLI_VERSION", "hang")),
                Duration.ofMillis(500), LONG_CACHE);

        long start = System.nanoTime();
        HealthProbe.Result result = probe.check();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result).isEqualTo(HealthProbe.Result.down("`claude --version` did not answer within 500 ms"));
        ScriptedCli.Invocation run = cli.starts().getLast();
        assertThat(run.childPid()).as("the fake started its child").isPositive();
        awaitGone(Stream.of(ProcessHandle.of(run.pid()), ProcessHandle.of(run.childPid()))
                .flatMap(Optional::stream).toList());
        assertThat(probe.check()).as("the failure is cached too").isEqualTo(result);
        assertThat(cli.starts()).hasSize(1);
    }

    private HealthProbe probe(Map<String, String> env, Duration cacheFor) {
        return new CliVersionProbe(settings(env), Duration.ofSeconds(10), cacheFor);
    }

    private CliSettings settings(Map<String, String> env) {
        cli = ScriptedCli.install(dir.resolve("cli"));
        return settings(Optional.of(cli.executable()), env);
    }

    private CliSettings settings(Optional<Path> executable, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        if (cli != null) {
            all.putAll(cli.environment());
        }
        return new CliSettings(executable, dir.resolve("work"), all, 1, Duration.ofSeconds(5));
    }

    private static void awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processes left: " + processes.stream().filter(ProcessHandle::isAlive)
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
            }
            Thread.sleep(20);
        }
    }
}
