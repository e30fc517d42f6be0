package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** An in-memory repository whose saves can be made to fail or to wait for a gate, and that records who saved. */
final class ScriptedTraceRepository implements TraceRepository {

    final InMemoryTraceRepository stored = new InMemoryTraceRepository();
    final List<Thread> saveThreads = new CopyOnWriteArrayList<>();
    /** Released once for every save that began. */
    final Semaphore savesBegun = new Semaphore(0);
    volatile RuntimeException failure;
    volatile CountDownLatch gate = new CountDownLatch(0);

    /** Makes the next saves wait until {@link #releaseSaves} is called. */
    void holdSaves() {
        gate = new CountDownLatch(1);
    }

    void releaseSaves() {
        gate.countDown();
    }

    /** Waits (bounded) until a save has begun, e.g. one that now waits at the gate. */
    void awaitSaveBegun() throws InterruptedException {
        if (!savesBegun.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no save began");
        }
    }

    @Override
    public void save(Trace trace) {
        saveThreads.add(Thread.currentThread());
        savesBegun.release();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate stayed closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RuntimeException failing = failure;
        if (failing != null) {
            throw failing;
        }
        stored.save(trace);
    }

    @Override
    public Optional<Trace> find(String requestId) {
        return stored.find(requestId);
    }

    @Override
    public List<Trace> recent(int limit) {
        return stored.recent(limit);
    }

    @Override
    public List<Trace> recentErrors(int limit) {
        return stored.recentErrors(limit);
    }

    @Override
    public int removeReceivedBefore(Instant cutoff) {
        return stored.removeReceivedBefore(cutoff);
    }
}
