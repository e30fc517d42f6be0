package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.trace.Trace;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The writes behind {@link CachedTraceRepository}: traces queued for a repository on an executor, each request id's
 * writes one at a time with its last save written last, and failures logged rather than thrown.
 */
final class TraceWriteBehind {

    // named after the public class, the one operators know to configure
    private static final System.Logger LOG = System.getLogger(CachedTraceRepository.class.getName());

    private final TraceRepository delegate;
    private final Executor writer;
    // the last save of each request id that is not written yet; it leaves once the save it holds is written
    private final ConcurrentMap<String, Trace> pending = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allWritten = lock.newCondition();
    private int writes; // write tasks handed to the writer and not finished, guarded by lock

    TraceWriteBehind(TraceRepository delegate, Executor writer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Queues {@code trace}'s write; {@code alongside} runs with it, so of two racing saves both see the same last. */
    void queue(Trace trace, Consumer<Trace> alongside) {
        AtomicBoolean writeQueued = new AtomicBoolean();
        pending.compute(trace.id(), (id, unwritten) -> {
            alongside.accept(trace);
            writeQueued.set(unwritten != null); // that write task will write this trace too
            return trace;
        });
        if (!writeQueued.get()) {
            handToWriter(trace.id());
        }
    }

    /** The last save of {@code requestId} not written yet, or null. */
    Trace unwritten(String requestId) {
        return pending.get(requestId);
    }

    /** The saves not written yet. */
    List<Trace> unwritten() {
        return List.copyOf(pending.values());
    }

    /** Waits until every write handed to the writer so far, and any handed meanwhile, has ended, or an interrupt. */
    void flush() {
        lock.lock();
        try {
            while (writes > 0) {
                allWritten.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void handToWriter(String requestId) {
        lock.lock();
        try {
            writes++;
        } finally {
            lock.unlock();
        }
        try {
            writer.execute(() -> write(requestId));
        } catch (RejectedExecutionException e) {
            write(requestId); // the writer has stopped (after close): write here rather than lose the trace
        }
    }

    /** Writes the pending save of {@code requestId}, and again while a later save replaced it meanwhile. */
    private void write(String requestId) {
        try {
            for (Trace trace = pending.get(requestId); trace != null; trace = pending.get(requestId)) {
                store(trace);
                if (pending.remove(requestId, trace)) {
                    return;
                }
            }
        } finally {
            lock.lock();
            try {
                if (--writes == 0) {
                    allWritten.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void store(Trace trace) {
        try {
            delegate.save(trace);
        } catch (RuntimeException e) {
            // the request id and the kinds of failure only: a driver's message may quote the row, and so client text
            LOG.log(System.Logger.Level.WARNING, "Could not store the trace of request {0}: {1}", trace.id(),
                    kinds(e));
        }
    }

    /** The classes of {@code failure} and its causes, with SQL states and error codes, but no messages. */
    private static String kinds(Throwable failure) {
        StringJoiner kinds = new StringJoiner(" caused by ");
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            kinds.add(cause instanceof SQLException sql
                    ? cause.getClass().getName() + " (SQL state " + sql.getSQLState() + ", error " + sql.getErrorCode()
                    + ")"
                    : cause.getClass().getName());
        }
        return kinds.toString();
    }
}
