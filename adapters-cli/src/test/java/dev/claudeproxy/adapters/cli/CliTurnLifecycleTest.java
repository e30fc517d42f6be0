package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.adapters.cli.testkit.ScriptedCli;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a CLI process is started, fed, ended and reaped (scripted fake CLI). */
class CliTurnLifecycleTest {

    @TempDir
    Path dir;

    private CliClaudeRunner runner;

    @AfterEach
    void noProcessOutlivesTheTest() throws InterruptedException {
        if (runner != null) {
            runner.close();
        }
        awaitNoDescendants(Duration.ofSeconds(5));
    }

    @Test
    void theTurnCompletesAtTheResultLine_whileTheProcessIsStillRunning_andALingeringProcessIsKilled()
            throws Exception {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        cli.enqueue(Scenario.text("done").lingering(Duration.ofSeconds(30)));
        runner = runner(cli, Duration.ofMillis(300));

        try (ClaudeTurn turn = runner.start(request(Optional.empty()))) {
            TurnEvent last = drain(turn);
            assertThat(last).isInstanceOf(TurnEvent.Completed.class);
            assertThat(runner.liveProcesses()).as("the CLI has not exited yet").isEqualTo(1);
        }
        awaitNoDescendants(Duration.ofSeconds(5));
        // the count drops in the process's onExit callback, which may run just after the process is reaped
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (runner.liveProcesses() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(runner.liveProcesses()).isZero();
    }

    @Test
    void theSystemPrompt_goesInTheInitializeRequest_beforeTheUserTurn() throws Exception {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        runner = runner(cli, Duration.ofSeconds(5));

        try (ClaudeTurn turn = runner.start(request(Optional.of("Be brief.")))) {
            drain(turn);
        }

        List<String> stdin = cli.lastInvocation().stdin();
        assertThat(stdin).hasSize(2);
        assertThat(stdin.get(0)).contains("\"type\":\"control_request\"", "\"subtype\":\"initialize\"",
                "\"systemPrompt\":[\"Be brief.\"]");
        assertThat(stdin.get(1)).startsWith("{\"type\":\"user\"").contains("\"text\":\"Hi\"");
    }

    @Test
    void theCli_runsWithTheServerEnvironmentForIt() throws Exception {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        runner = runner(cli, Duration.ofSeconds(5));

        try (ClaudeTurn turn = runner.start(request(Optional.empty()))) {
            drain(turn);
        }

        assertThat(cli.lastInvocation().env()).contains("DISABLE_TELEMETRY=1", "DISABLE_AUTOUPDATER=1",
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1", "CLAUDE_CODE_MAX_RETRIES=2");
        if (RunningUser.isRoot()) {
            assertThat(cli.lastInvocation().env()).contains("IS_SANDBOX=1");
        }
    }

    @Test
    void aCliThatDiesWithoutAResult_failsAsCrashedWithItsExitCodeAndStderr() throws Exception {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        cli.enqueue(Scenario.crash(3, "segfault in the model loader"));
        runner = runner(cli, Duration.ofSeconds(5));

        try (ClaudeTurn turn = runner.start(request(Optional.empty()))) {
            assertThat(drain(turn)).isInstanceOfSatisfying(TurnEvent.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.CLI_CRASHED);
                assertThat(f.message()).contains("code 3").contains("segfault in the model loader");
            });
        }
    }

    @Test
    void noExecutable_failsAsUnavailable_withAHint() throws Exception {
        runner = new CliClaudeRunner(new CliSettings(Optional.empty(), dir, Map.of(), 2, Duration.ofSeconds(1)));

        try (ClaudeTurn turn = runner.start(request(Optional.empty()))) {
            assertThat(drain(turn)).isInstanceOfSatisfying(TurnEvent.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.CLI_UNAVAILABLE);
                assertThat(f.message()).contains("CLAUDE_PROXY_CLAUDE_PATH");
            });
        }
    }

    @Test
    void anExecutableThatCannotStart_failsAsUnavailable() throws Exception {
        Path broken = Files.writeString(dir.resolve("claude"), "not a program");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rw-r--r--"));
        runner = new CliClaudeRunner(new CliSettings(Optional.of(broken), dir, Map.of(), 2, Duration.ofSeconds(1)));

        try (ClaudeTurn turn = runner.start(request(Optional.empty()))) {
            assertThat(drain(turn)).isInstanceOfSatisfying(TurnEvent.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.CLI_UNAVAILABLE));
        }
    }

    @Test
    void closingTheRunner_killsEveryRunningCli() throws Exception {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        cli.enqueue(Scenario.hangAfterStart());
        runner = runner(cli, Duration.ofSeconds(5));
        ClaudeTurn turn = runner.start(request(Optional.empty()));
        while (!(turn.next(Duration.ofSeconds(10)) instanceof TurnEvent.MessageStarted)) {
            assertThat(runner.liveProcesses()).isEqualTo(1);
        }

        runner.close();

        assertThat(turn.next(Duration.ofSeconds(5))).isInstanceOf(TurnEvent.Failed.class);
        awaitNoDescendants(Duration.ofSeconds(2));
        turn.close();
    }

    private CliClaudeRunner runner(ScriptedCli cli, Duration exitGrace) {
        return new CliClaudeRunner(new CliSettings(Optional.of(cli.executable()), dir.resolve("work"),
                cli.environment(), 2, exitGrace));
    }

    private static TurnRequest request(Optional<String> system) {
        return new TurnRequest(ModelTier.SONNET, system, List.of(new ContentBlock.Text("Hi")), Optional.empty(),
                Optional.empty(), true, false);
    }

    private static TurnEvent drain(ClaudeTurn turn) throws InterruptedException {
        while (true) {
            TurnEvent e = turn.next(Duration.ofSeconds(10));
            assertThat(e).as("an event in time").isNotNull();
            if (e.isTerminal()) {
                return e;
            }
        }
    }

    private static void awaitNoDescendants(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.current().descendants().findAny().isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processes left: " + ProcessHandle.current().descendants()
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
            }
            Thread.sleep(20);
        }
    }

}
