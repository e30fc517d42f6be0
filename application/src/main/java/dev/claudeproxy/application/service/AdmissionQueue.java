package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Admits at most {@code max} CLI runs at once; others wait in FIFO order up to a timeout. */
public final class AdmissionQueue implements QueueStatusQuery {

    static final String BUSY_MESSAGE = "Server busy \u2014 all request slots are occupied. Please retry shortly.";

    private final int max;
    private final Duration timeout;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();

    public AdmissionQueue(int max, Duration timeout) {
        if (max < 1) {
            throw new IllegalArgumentException("max concurrent runs must be at least 1");
        }
        this.max = max;
        this.timeout = timeout;
        this.slots = new Semaphore(max, true);
    }

    /** A held slot; closing it frees the slot once. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** How long a request may wait for a slot. */
    public Duration timeout() {
        return timeout;
    }

    /** Waits for a slot; on timeout returns {@code null} and the caller answers {@link #busy()}. */
    public Slot acquire() throws InterruptedException {
        return acquire(timeout);
    }

    /** Waits for a slot at most {@code maxWait} (part of the timeout may have gone to an earlier wait). */
    public Slot acquire(Duration maxWait) throws InterruptedException {
        waiting.incrementAndGet();
        boolean acquired;
        try {
            acquired = slots.tryAcquire(Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS);
        } finally {
            waiting.decrementAndGet();
        }
        if (!acquired) {
            return null;
        }
        AtomicInteger released = new AtomicInteger();
        return () -> {
            if (released.getAndIncrement() == 0) {
                slots.release();
            }
        };
    }

    public static ReplyError busy() {
        return new ReplyError(ErrorKind.OVERLOADED, BUSY_MESSAGE, "queue_timeout");
    }

    @Override
    public QueueStatus queueStatus() {
        return new QueueStatus(max - slots.availablePermits(), waiting.get(), max);
    }
}
