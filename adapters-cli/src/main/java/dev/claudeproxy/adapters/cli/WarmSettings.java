package dev.claudeproxy.adapters.cli;

import java.time.Duration;
import java.util.Objects;

/**
 * How many CLI processes are kept started ahead of need: per kind of run, in all, how long an unused one lives,
 * and how much memory the waiting ones may hold together (0 = no memory bound).
 */
public record WarmSettings(int perKey, int maxProcesses, Duration idleLifetime, long maxMemoryBytes) {

    public WarmSettings {
        if (perKey < 0 || maxProcesses < 0 || maxMemoryBytes < 0) {
            throw new IllegalArgumentException("warm process limits must not be negative");
        }
        if (Objects.requireNonNull(idleLifetime, "idleLifetime").isNegative() || idleLifetime.isZero()) {
            throw new IllegalArgumentException("idleLifetime must be positive: " + idleLifetime);
        }
    }

    /** No warm processes: every turn starts its own CLI. */
    public static WarmSettings off() {
        return new WarmSettings(0, 0, Duration.ofMinutes(1), 0);
    }

    public boolean enabled() {
        return perKey > 0 && maxProcesses > 0;
    }
}
