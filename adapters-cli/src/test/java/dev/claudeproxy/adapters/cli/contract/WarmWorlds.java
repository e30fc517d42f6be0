package dev.claudeproxy.adapters.cli.contract;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.WarmSettings;
import dev.claudeproxy.domain.message.ModelTier;
import java.time.Duration;

/** Warm processes for the contract's worlds: one of each kind of turn the contract runs, waiting before it starts. */
final class WarmWorlds {

    /** Warm processes as production would keep them, with room for every kind the contract runs. */
    static final WarmSettings ON = new WarmSettings(1, 4, Duration.ofMinutes(5), 0);

    private WarmWorlds() {
    }

    static void warmUp(CliClaudeRunner runner, WarmSettings warm) {
        if (!warm.enabled()) {
            return;
        }
        runner.warmUp(ModelTier.SONNET, true, false);
        runner.warmUp(ModelTier.SONNET, false, false);
        runner.warmUp(ModelTier.SONNET, true, true); // the first turn of a persisted session
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (runner.warmStats().waiting() < 3) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no warm CLI processes within 20 s: " + runner.warmStats());
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
