package dev.claudeproxy.domain.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a request reached each step; every step but {@code received} is {@code null} until (unless) reached.
 * The derived durations are empty while their end points are unknown.
 */
public record TraceTimes(Instant received, Instant queued, Instant acquired, Instant cliStarted,
                         Instant firstToken, Instant cliDone, Instant completed) {

    public TraceTimes {
        Objects.requireNonNull(received, "received");
    }

    /** A request just received. */
    public static TraceTimes receivedAt(Instant received) {
        return new TraceTimes(received, null, null, null, null, null, null);
    }

    /** Time spent waiting for a slot (from queued to acquired). */
    public Optional<Duration> queueWait() {
        return between(queued, acquired);
    }

    /** Time to first token, from receipt to the first model output. */
    public Optional<Duration> timeToFirstToken() {
        return between(received, firstToken);
    }

    /** How long the CLI ran, from its start to its last event. */
    public Optional<Duration> cliDuration() {
        return between(cliStarted, cliDone);
    }

    /** From receipt to the end of the answer. */
    public Optional<Duration> totalDuration() {
        return between(received, completed);
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
