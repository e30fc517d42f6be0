package dev.claudeproxy.adapters.cli.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ClaudeRunner} contract against the scripted fake CLI with live conversations on, and warm processes
 * too, as a server would run with both.
 */
class ScriptedCliLiveRunnerTest extends ClaudeRunnerContract {

    @TempDir
    Path dir;

    @Override
    protected RunnerWorld createWorld() {
        return new ScriptedCliWorld(dir, WarmWorlds.ON, LiveWorlds.ON);
    }
}
