package dev.claudeproxy.application.port.in;

/** How many CLI runs are active, how many requests wait for a slot, and the maximum of active runs. */
public record QueueStatus(int active, int waiting, int max) {
}
