package dev.claudeproxy.application.testing;

import dev.claudeproxy.domain.reply.ReplyEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A reply sink that keeps every event and lets a test wait for the next one. */
public final class RecordingSink implements Consumer<ReplyEvent> {

    private final List<ReplyEvent> events = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ReplyEvent> unread = new LinkedBlockingQueue<>();

    @Override
    public void accept(ReplyEvent event) {
        events.add(event);
        unread.add(event);
    }

    /** The next event not yet taken, waiting at most {@code timeout}; {@code null} if none came. */
    public ReplyEvent next(Duration timeout) throws InterruptedException {
        return unread.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public List<ReplyEvent> events() {
        return List.copyOf(events);
    }
}
