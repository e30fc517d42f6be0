package dev.claudeproxy.adapters.cli.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ClaudeRunner} contract against the real CLI with warm processes on. */
class RealCliWarmRunnerTest extends ClaudeRunnerContract {

    @TempDir
    Path dir;

    @Override
    protected RunnerWorld createWorld() {
        return new RealCliWorld(dir, WarmWorlds.ON);
    }
}
