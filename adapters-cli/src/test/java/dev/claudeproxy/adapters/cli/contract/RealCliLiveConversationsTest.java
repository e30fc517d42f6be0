package dev.claudeproxy.adapters.cli.contract;

import dev.claudeproxy.adapters.cli.LiveSettings;
import dev.claudeproxy.adapters.cli.WarmSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Live conversations with the real CLI and a fake upstream API. */
class RealCliLiveConversationsTest extends LiveConversationsContract {

    @TempDir
    Path dir;

    @Override
    protected CliWorld createWorld(LiveSettings live) {
        return new RealCliWorld(dir, WarmSettings.off(), live);
    }
}
