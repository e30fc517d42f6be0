package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Traces in a map, for tests and for running without a database; thread-safe, texts cut as the table cuts them. */
public final class InMemoryTraceRepository implements TraceRepository {

    private final Map<String, Trace> traces = new HashMap<>();

    @Override
    public synchronized void save(Trace trace) {
        Trace fitted = TraceColumns.fitted(trace);
        traces.put(fitted.id(), fitted);
    }

    @Override
    public synchronized Optional<Trace> find(String requestId) {
        return Optional.ofNullable(traces.get(requestId));
    }

    /** {@inheritDoc} Ties in receipt time come in descending request id order. */
    @Override
    public synchronized List<Trace> recent(int limit) {
        return traces.values().stream().sorted(TraceOrder.NEWEST_FIRST).limit(TraceOrder.checkedLimit(limit))
                .toList();
    }

    /** {@inheritDoc} Ties in receipt time come in descending request id order. */
    @Override
    public synchronized List<Trace> recentErrors(int limit) {
        return traces.values().stream().filter(trace -> trace.status() == TraceStatus.ERROR)
                .sorted(TraceOrder.NEWEST_FIRST).limit(TraceOrder.checkedLimit(limit)).toList();
    }

    @Override
    public synchronized int removeReceivedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int before = traces.size();
        traces.values().removeIf(trace -> trace.times().received().isBefore(cutoff));
        return before - traces.size();
    }
}
