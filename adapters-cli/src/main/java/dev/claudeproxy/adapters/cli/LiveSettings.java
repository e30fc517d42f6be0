package dev.claudeproxy.adapters.cli;

import java.time.Duration;
import java.util.Objects;

/**
 * How many CLI processes stay alive after a completed turn of a persisted session, parked for that session's next
 * turn, and how long a parked one waits for it before it is ended.
 */
public record LiveSettings(int maxProcesses, Duration idleLifetime) {

    public LiveSettings {
        if (maxProcesses < 0) {
            throw new IllegalArgumentException("maxProcesses must not be negative: " + maxProcesses);
        }
        if (Objects.requireNonNull(idleLifetime, "idleLifetime").isNegative() || idleLifetime.isZero()) {
            throw new IllegalArgumentException("idleLifetime must be positive: " + idleLifetime);
        }
    }

    /** No live conversations: every resumed turn starts a CLI with {@code --resume}. */
    public static LiveSettings off() {
        return new LiveSettings(0, Duration.ofMinutes(1));
    }

    public boolean enabled() {
        return maxProcesses > 0;
    }
}
