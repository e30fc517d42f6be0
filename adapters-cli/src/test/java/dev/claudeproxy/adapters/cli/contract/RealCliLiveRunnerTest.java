package dev.claudeproxy.adapters.cli.contract;

import dev.claudeproxy.adapters.cli.WarmSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ClaudeRunner} contract against the real CLI with live conversations on. */
class RealCliLiveRunnerTest extends ClaudeRunnerContract {

    @TempDir
    Path dir;

    @Override
    protected RunnerWorld createWorld() {
        return new RealCliWorld(dir, WarmSettings.off(), LiveWorlds.ON);
    }
}
