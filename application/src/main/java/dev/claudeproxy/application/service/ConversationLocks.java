package dev.claudeproxy.application.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Lets one turn at a time run per conversation; the others wait their turn in arrival order, up to a limit. */
final class ConversationLocks {

    /** A held turn of one conversation; closing it lets the next waiting request go. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Entry {
        private final Semaphore turn = new Semaphore(1, true);
        private int users;
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** Waits at most {@code maxWait} for the conversation's turn; {@code null} when the wait ran out. */
    Lease acquire(String conversationId, Duration maxWait) throws InterruptedException {
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(conversationId, id -> new Entry());
            entry.users++;
        }
        boolean acquired = false;
        try {
            acquired = entry.turn.tryAcquire(Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS);
        } finally {
            if (!acquired) {
                leave(conversationId, entry);
            }
        }
        if (!acquired) {
            return null;
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                entry.turn.release();
                leave(conversationId, entry);
            }
        };
    }

    /** How many turns of {@code conversationId} are running or waiting. */
    int turns(String conversationId) {
        synchronized (entries) {
            Entry entry = entries.get(conversationId);
            return entry == null ? 0 : entry.users;
        }
    }

    private void leave(String conversationId, Entry entry) {
        synchronized (entries) {
            if (--entry.users == 0) {
                entries.remove(conversationId);
            }
        }
    }
}
