package dev.claudeproxy.application.port.in;

/** What a cleanup removed: sessions past their lifetime, sessions beyond the maximum count, and how many remain. */
public record SessionCleanup(int expired, int evicted, int remaining) {
}
