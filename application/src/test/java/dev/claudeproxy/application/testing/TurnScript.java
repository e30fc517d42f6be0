package dev.claudeproxy.application.testing;

import dev.claudeproxy.domain.turn.TurnEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/** What one scripted CLI turn reports: events in order, possibly held back until a test opens a latch. */
public final class TurnScript {

    /** One step of a script. */
    sealed interface Step {
    }

    /** Report this event. */
    record Emit(TurnEvent event) implements Step {
    }

    /** Report nothing until {@code release} is counted down. */
    record Hold(CountDownLatch release) implements Step {
    }

    private final List<Step> steps = new ArrayList<>();

    private TurnScript() {
    }

    public static TurnScript of(TurnEvent... events) {
        return new TurnScript().then(events);
    }

    /** A script that reports nothing until {@code release} opens. */
    public static TurnScript heldUntil(CountDownLatch release) {
        return new TurnScript().holdUntil(release);
    }

    public TurnScript then(TurnEvent... events) {
        for (TurnEvent e : events) {
            steps.add(new Emit(Objects.requireNonNull(e)));
        }
        return this;
    }

    public TurnScript holdUntil(CountDownLatch release) {
        steps.add(new Hold(Objects.requireNonNull(release)));
        return this;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
