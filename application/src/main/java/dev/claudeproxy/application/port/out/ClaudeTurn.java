package dev.claudeproxy.application.port.out;

import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;

/**
 * A running CLI turn, read as a sequence of {@link TurnEvent}s that ends with one terminal event
 * (completed or failed); closing it cancels the turn if it is still running.
 */
public interface ClaudeTurn extends AutoCloseable {

    /** The next event, waiting at most {@code timeout}; {@code null} if none came in time. */
    TurnEvent next(Duration timeout) throws InterruptedException;

    /** Stops the turn at once: the CLI process and its children are killed; the turn then fails as cancelled. */
    void cancel();

    /** Releases the turn; cancels it first if it has not ended. */
    @Override
    void close();
}
