package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.CliVersionProbe;
import dev.claudeproxy.adapters.cli.testkit.RealCli;
import dev.claudeproxy.application.port.out.HealthProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cli} health probe against the real CLI: what the fake's {@code --version} stands in for. */
class RealCliVersionProbeTest {

    @TempDir
    Path dir;

    @Test
    void theRealCli_isUp_withItsVersionLine() throws InterruptedException {
        Path cli = RealCli.executable().orElseThrow(() -> new AssertionError(RealCli.INSTALL_HINT));
        CliVersionProbe probe = new CliVersionProbe(new CliSettings(Optional.of(cli), dir.resolve("work"),
                RealCli.isolatedEnv(dir, "http://127.0.0.1:9"), 1, Duration.ofSeconds(5)));

        HealthProbe.Result result = probe.check();

        assertThat(result.up()).as(result.detail()).isTrue();
        assertThat(result.detail()).matches("\\d+\\.\\d+\\.\\d+ \\(Claude Code\\)");
        Turns.awaitNoChildren(Duration.ofSeconds(10));
    }
}
