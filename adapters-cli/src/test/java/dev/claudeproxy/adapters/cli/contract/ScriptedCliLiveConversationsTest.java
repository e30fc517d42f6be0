package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.LiveSettings;
import dev.claudeproxy.adapters.cli.LiveStats;
import dev.claudeproxy.adapters.cli.WarmSettings;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live conversations with the scripted fake CLI, which can also die at the moment a parked process is written to. */
class ScriptedCliLiveConversationsTest extends LiveConversationsContract {

    @TempDir
    Path dir;

    @Override
    protected CliWorld createWorld(LiveSettings live) {
        return new ScriptedCliWorld(dir, WarmSettings.off(), live);
    }

    @Test
    void aParkedProcessThatDiesAsItIsHandedTheTurn_theTurnResumesInANewProcess() throws Exception {
        open(LiveWorlds.ON);
        Turns.Watched first = watch(Turns.persisted("One", Optional.empty()));
        ScriptedCliWorld scripted = (ScriptedCliWorld) world;
        scripted.cli().enqueue(Scenario.diesAtOnce(1)); // the parked process reads the turn, then exits
        scripted.cli().enqueue(Scenario.text("Recovered"));

        Turns.Watched second = watch(Turns.persisted("Two", Optional.of(first.session())));

        assertThat(second.events()).noneMatch(TurnEvent.Failed.class::isInstance);
        assertThat(second.last()).isInstanceOfSatisfying(TurnEvent.Completed.class,
                done -> assertThat(done.resultText()).isEqualTo("Recovered"));
        assertResumedInANewProcess(second, first);
        assertThat(runner.liveStats()).isEqualTo(new LiveStats(1, 1, 0));
        assertThat(runner.parkedProcessIds()).containsExactly(second.pid());
    }
}
