package dev.claudeproxy.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * CLI processes kept running between requests: started ahead of need, how many may wait in all (0 = off), how many
 * of one kind, how long an unused one lives, how much memory the waiting ones may hold together (0 = unbounded); and
 * kept after a conversation's turn for its next one, how many (0 = off) and how long.
 */
public record WarmConfig(int maxProcesses, int perKind, Duration idleLifetime, long maxMemoryMb,
                         int liveConversations, Duration liveIdleLifetime) {

    public WarmConfig {
        if (maxProcesses < 0 || perKind < 1 || maxMemoryMb < 0) {
            throw new IllegalArgumentException("warm processes: counts must not be negative and per kind at least 1");
        }
        if (Objects.requireNonNull(idleLifetime, "idleLifetime").isNegative() || idleLifetime.isZero()) {
            throw new IllegalArgumentException("warmIdleLifetime must be positive: " + idleLifetime);
        }
        if (liveConversations < 0) {
            throw new IllegalArgumentException("liveConversations must not be negative: " + liveConversations);
        }
        if (Objects.requireNonNull(liveIdleLifetime, "liveIdleLifetime").isNegative() || liveIdleLifetime.isZero()) {
            throw new IllegalArgumentException("liveIdleLifetime must be positive: " + liveIdleLifetime);
        }
    }

    /** The defaults: up to 2 waiting, 1 per kind, 10 minutes unused, 1 GiB; 2 live conversations for 5 minutes. */
    public static WarmConfig defaults() {
        return new WarmConfig(2, 1, Duration.ofMinutes(10), 1024, 2, Duration.ofMinutes(5));
    }
}
