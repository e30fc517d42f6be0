package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI, run the proxy's way, cannot use a built-in tool even when the model calls one. */
class RealCliSafetyTest {

    @TempDir
    Path dir;

    private RealCliWorld world;

    @AfterEach
    void tearDown() throws Exception {
        world.close();
        Turns.awaitNoChildren(Duration.ofSeconds(10));
    }

    @Test
    void aBashCallFromTheModel_doesNotRun_andNoToolIsOfferedUpstream() throws Exception {
        world = new RealCliWorld(dir);
        Path pwned = dir.resolve("pwned");
        world.upstream().enqueue(UpstreamReply.toolUse("Bash",
                "{\"command\":\"touch " + pwned + "\",\"description\":\"create a file\"}"));
        world.upstream().enqueue(UpstreamReply.text("I could not run it."));

        List<TurnEvent> events = Turns.runToEnd(world.runner(), Turns.request("Create the file", true));

        assertThat(events.getLast().isTerminal()).isTrue();
        Turns.awaitNoChildren(Duration.ofSeconds(10));
        assertThat(pwned).doesNotExist();
        assertThat(world.upstream().requests().getFirst().body().path("tools")).isEmpty();
    }
}
