package dev.claudeproxy.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits on one request's CLI run, counted from when its slot is acquired: how long the CLI may stay
 * silent (reset on every event), how long the whole answer may take, and how many characters it may write.
 */
public record Watchdogs(Duration stallTimeout, Duration maxDuration, int maxOutputChars) {

    public Watchdogs {
        requirePositive(stallTimeout, "stallTimeout");
        requirePositive(maxDuration, "maxDuration");
        if (maxOutputChars < 1) {
            throw new IllegalArgumentException("maxOutputChars must be at least 1");
        }
    }

    /** No practical limits: for tests that are about something else. */
    public static Watchdogs unlimited() {
        return new Watchdogs(Duration.ofDays(365), Duration.ofDays(365), Integer.MAX_VALUE);
    }

    private static void requirePositive(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
