package dev.claudeproxy.adapters.persistence.trace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Recent traces in a Caffeine cache in front of another repository, written behind: a save is cached and handed to a
 * writer, so the request thread never waits for the disk, and reads include the saves not written yet. The last save
 * of a request id is the one that stays; a failed write is logged (request id only), never thrown.
 */
public final class CachedTraceRepository implements TraceRepository, AutoCloseable {

    private final TraceRepository delegate;
    private final TraceWriteBehind writes;
    private final ExecutorService ownWriter; // the factory's thread, stopped by close; null for a given executor
    private final Cache<String, Trace> cache;

    /** Caches up to {@code recentCapacity} recent saves, and writes them to {@code delegate} on {@code writer}. */
    public CachedTraceRepository(TraceRepository delegate, int recentCapacity, Executor writer) {
        this(delegate, recentCapacity, writer, null);
    }

    private CachedTraceRepository(TraceRepository delegate, int recentCapacity, Executor writer,
                                  ExecutorService ownWriter) {
        if (recentCapacity < 0) {
            throw new IllegalArgumentException("recentCapacity must not be negative: " + recentCapacity);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.writes = new TraceWriteBehind(delegate, writer);
        this.ownWriter = ownWriter;
        this.cache = Caffeine.newBuilder().maximumSize(recentCapacity).build();
    }

    /** As the constructor, writing on one daemon thread named {@code trace-writer} that {@link #close} stops. */
    public static CachedTraceRepository writingBehind(TraceRepository delegate, int recentCapacity) {
        ExecutorService writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("trace-writer").daemon().factory());
        return new CachedTraceRepository(delegate, recentCapacity, writer, writer);
    }

    @Override
    public void save(Trace trace) {
        writes.queue(TraceColumns.fitted(trace), fitted -> cache.put(fitted.id(), fitted));
    }

    @Override
    public Optional<Trace> find(String requestId) {
        Trace known = cache.getIfPresent(requestId);
        if (known == null) {
            known = writes.unwritten(requestId);
        }
        return known == null ? delegate.find(requestId) : Optional.of(known);
    }

    @Override
    public List<Trace> recent(int limit) {
        TraceOrder.checkedLimit(limit);
        List<Trace> unwritten = writes.unwritten(); // before the delegate's, so a write done meanwhile is seen
        return newest(limit, unwritten, delegate.recent(limit), trace -> true);
    }

    @Override
    public List<Trace> recentErrors(int limit) {
        TraceOrder.checkedLimit(limit);
        List<Trace> unwritten = writes.unwritten();
        return newest(limit, unwritten, delegate.recentErrors(limit), trace -> trace.status() == TraceStatus.ERROR);
    }

    /** {@inheritDoc} Writes what is pending first, so none of it comes back after the removal. */
    @Override
    public int removeReceivedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        writes.flush();
        int removed = delegate.removeReceivedBefore(cutoff);
        cache.asMap().values().removeIf(trace -> trace.times().received().isBefore(cutoff));
        return removed;
    }

    /** Waits until every save so far, and any made meanwhile, is written (or failed to be). */
    public void flush() {
        writes.flush();
    }

    /** Flushes, then stops the writer thread if {@link #writingBehind} made it; later saves are written at once. */
    @Override
    public void close() {
        writes.flush();
        if (ownWriter != null) {
            ownWriter.close();
        }
    }

    private List<Trace> newest(int limit, List<Trace> unwritten, List<Trace> stored, Predicate<Trace> wanted) {
        Map<String, Trace> byId = new HashMap<>();
        Stream.concat(stored.stream(), unwritten.stream()).forEach(trace -> byId.put(trace.id(), latest(trace)));
        return byId.values().stream().filter(wanted).sorted(TraceOrder.NEWEST_FIRST).limit(limit).toList();
    }

    /** The last save of {@code trace}'s request id, if this repository still knows it, else {@code trace}. */
    private Trace latest(Trace trace) {
        Trace cached = cache.getIfPresent(trace.id());
        if (cached != null) {
            return cached;
        }
        Trace unwritten = writes.unwritten(trace.id());
        return unwritten != null ? unwritten : trace;
    }
}
