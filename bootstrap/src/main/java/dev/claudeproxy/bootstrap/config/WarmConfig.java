package dev.claudeproxy.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * CLI processes started ahead of need: how many may wait in all (0 = off), how many of one kind, how long an unused
 * one lives, and how much memory the waiting ones may hold together (0 = unbounded).
 */
public record WarmConfig(int maxProcesses, int perKind, Duration idleLifetime, long maxMemoryMb) {

    public WarmConfig {
        if (maxProcesses < 0 || perKind < 1 || maxMemoryMb < 0) {
            throw new IllegalArgumentException("warm processes: counts must not be negative and per kind at least 1");
        }
        if (Objects.requireNonNull(idleLifetime, "idleLifetime").isNegative() || idleLifetime.isZero()) {
            throw new IllegalArgumentException("warmIdleLifetime must be positive: " + idleLifetime);
        }
    }

    /** The defaults: up to 2 waiting, 1 per kind, 10 minutes unused, 1 GiB. */
    public static WarmConfig defaults() {
        return new WarmConfig(2, 1, Duration.ofMinutes(10), 1024);
    }
}
