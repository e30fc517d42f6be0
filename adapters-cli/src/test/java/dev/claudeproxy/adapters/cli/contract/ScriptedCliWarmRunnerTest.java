package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ClaudeRunner} contract against the scripted fake CLI with warm processes on: turns take waiting ones. */
class ScriptedCliWarmRunnerTest extends ClaudeRunnerContract {

    @TempDir
    Path dir;

    @Override
    protected RunnerWorld createWorld() {
        return new ScriptedCliWorld(dir, WarmWorlds.ON);
    }

    @AfterEach
    void warmProcessesWereUsed() {
        var stats = ((ScriptedCliWorld) world).cliRunner().warmStats();
        if (stats.hits() + stats.misses() > 0) { // the test ran a turn a warm process can take
            assertThat(stats.hits()).as("turns that took a waiting process: " + stats).isPositive();
        }
    }
}
