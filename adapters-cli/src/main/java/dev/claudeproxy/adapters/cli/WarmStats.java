package dev.claudeproxy.adapters.cli;

/** Warm processes now waiting, and since start the turns that found one (hits) or had to start their own (misses). */
public record WarmStats(int waiting, long hits, long misses) {
}
