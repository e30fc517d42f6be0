package dev.claudeproxy.application.port.out;

import dev.claudeproxy.domain.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where ended requests' traces are kept, to be read back by id, newest first, or by SQL. */
public interface TraceRepository {

    /** Stores the trace, replacing one with the same request id. */
    void save(Trace trace);

    Optional<Trace> find(String requestId);

    /** At most {@code limit} traces, the most recently received first. */
    List<Trace> recent(int limit);

    /** At most {@code limit} traces that ended in error, the most recently received first. */
    List<Trace> recentErrors(int limit);

    /** Removes the traces received before {@code cutoff}; returns how many went. */
    int removeReceivedBefore(Instant cutoff);
}
