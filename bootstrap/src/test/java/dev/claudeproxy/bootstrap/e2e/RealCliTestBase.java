package dev.claudeproxy.bootstrap.e2e;

import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Per test: a fake Anthropic API and our server running the real CLI against it, torn down with every CLI gone. */
abstract class RealCliTestBase {

    @TempDir
    Path dir;

    protected FakeUpstream upstream;
    protected RunningProxy proxy;

    @BeforeEach
    void startUpstreamAndProxy() {
        upstream = FakeUpstream.start();
        proxy = RunningProxy.withRealCli(dir, upstream, Map.of());
    }

    @AfterEach
    void stopProxyAndUpstream() throws InterruptedException {
        proxy.close();
        upstream.close();
        RunningProxy.awaitNoChildren();
    }
}
