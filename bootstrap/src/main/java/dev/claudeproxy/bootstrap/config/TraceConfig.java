package dev.claudeproxy.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How request traces are kept and the server's health is logged: how long stored traces live, how many recent
 * ones are held in memory, and how often a {@code proxy.health} line is logged.
 */
public record TraceConfig(Duration retention, int recentInMemory, Duration healthLogInterval) {

    public TraceConfig {
        if (Objects.requireNonNull(retention, "retention").isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("traceRetention must be positive: " + retention);
        }
        if (recentInMemory < 1) {
            throw new IllegalArgumentException("recentTraces must be at least 1: " + recentInMemory);
        }
        if (Objects.requireNonNull(healthLogInterval, "healthLogInterval").isNegative()
                || healthLogInterval.isZero()) {
            throw new IllegalArgumentException("healthLogInterval must be positive: " + healthLogInterval);
        }
    }

    /** The defaults: traces kept 7 days, 1000 recent ones in memory, a health line every 5 minutes. */
    public static TraceConfig defaults() {
        return new TraceConfig(Duration.ofDays(7), 1_000, Duration.ofMinutes(5));
    }
}
