package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory trace store for service tests; {@code failing} makes every save throw. */
public final class MapTraceRepository implements TraceRepository {

    public final Map<String, Trace> traces = new ConcurrentHashMap<>();
    public volatile boolean failing;

    @Override
    public void save(Trace trace) {
        if (failing) {
            throw new IllegalStateException("the trace store is down");
        }
        traces.put(trace.id(), trace);
    }

    @Override
    public Optional<Trace> find(String requestId) {
        return Optional.ofNullable(traces.get(requestId));
    }

    @Override
    public List<Trace> recent(int limit) {
        return newestFirst().limit(limit).toList();
    }

    @Override
    public List<Trace> recentErrors(int limit) {
        return newestFirst().filter(t -> t.status() == TraceStatus.ERROR).limit(limit).toList();
    }

    @Override
    public int removeReceivedBefore(Instant cutoff) {
        List<String> old = traces.values().stream().filter(t -> t.times().received().isBefore(cutoff))
                .map(Trace::id).toList();
        old.forEach(traces::remove);
        return old.size();
    }

    private java.util.stream.Stream<Trace> newestFirst() {
        return traces.values().stream().sorted(Comparator.comparing((Trace t) -> t.times().received()).reversed());
    }
}
