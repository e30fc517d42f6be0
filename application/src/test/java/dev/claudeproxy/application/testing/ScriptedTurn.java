package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClaudeTurn} replaying a {@link TurnScript}. Like a real turn it ends with one terminal event:
 * after a cancel (or a close before the end) the next read is a {@code CANCELLED} failure, and a script
 * that runs out without a terminal event ends as a crashed CLI would.
 */
public final class ScriptedTurn implements ClaudeTurn {

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Deque<TurnScript.Step> steps;
    private final List<TurnEvent> served = new CopyOnWriteArrayList<>();
    private volatile boolean ended;
    private volatile boolean cancelled;
    private volatile boolean closed;

    ScriptedTurn(TurnScript script) {
        this.steps = new ArrayDeque<>(script.steps());
    }

    @Override
    public synchronized TurnEvent next(Duration timeout) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("read from a closed turn");
        }
        if (ended) {
            throw new IllegalStateException("read past the terminal event");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (cancelled) {
                return serve(TurnEvent.Failed.of(FailureKind.CANCELLED, "The turn was cancelled."));
            }
            TurnScript.Step step = steps.peek();
            if (step == null) {
                return serve(TurnEvent.Failed.of(FailureKind.CLI_CRASHED, "The script ended without a result."));
            }
            switch (step) {
                case TurnScript.Emit emit -> {
                    steps.poll();
                    return serve(emit.event());
                }
                case TurnScript.Hold hold -> {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    // waits in slices so that a cancel from another thread is noticed
                    if (hold.release().await(Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS)) {
                        steps.poll();
                    }
                }
            }
        }
    }

    private TurnEvent serve(TurnEvent event) {
        served.add(event);
        if (event.isTerminal()) {
            ended = true;
        }
        return event;
    }

    @Override
    public void cancel() {
        if (!ended) {
            cancelled = true;
        }
    }

    @Override
    public void close() {
        cancel();
        closed = true;
    }

    /** Whether the turn was stopped (by cancel, or by a close) before it reported its terminal event. */
    public boolean cancelled() {
        return cancelled;
    }

    public boolean closed() {
        return closed;
    }

    public boolean ended() {
        return ended;
    }

    /** The events read from this turn so far. */
    public List<TurnEvent> served() {
        return List.copyOf(served);
    }
}
