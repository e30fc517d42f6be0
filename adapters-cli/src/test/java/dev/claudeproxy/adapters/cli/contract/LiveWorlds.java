package dev.claudeproxy.adapters.cli.contract;

import dev.claudeproxy.adapters.cli.LiveSettings;
import java.time.Duration;

/** Live conversations for the contract's worlds. */
final class LiveWorlds {

    /** Room for every session a test runs, parked long enough never to expire during one. */
    static final LiveSettings ON = new LiveSettings(4, Duration.ofMinutes(5));

    private LiveWorlds() {
    }
}
