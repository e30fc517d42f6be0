package dev.claudeproxy.adapters.cli.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ClaudeRunner} contract against the scripted fake CLI. */
class ScriptedCliRunnerTest extends ClaudeRunnerContract {

    @TempDir
    Path dir;

    @Override
    protected RunnerWorld createWorld() {
        return new ScriptedCliWorld(dir);
    }
}
