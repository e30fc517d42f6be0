package dev.claudeproxy.adapters.cli;

/**
 * Processes parked now for their session's next turn, and since start the resumed turns that found their session's
 * process alive and fitting (hits) or had to start one with {@code --resume} (misses).
 */
public record LiveStats(int parked, long hits, long misses) {
}
