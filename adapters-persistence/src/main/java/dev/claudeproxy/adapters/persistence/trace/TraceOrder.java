package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.domain.trace.Trace;
import java.util.Comparator;

/** The order every trace repository here lists in, and the limits it accepts. */
final class TraceOrder {

    /** Most recently received first, ties in descending request id order; the JDBC repository's ORDER BY. */
    static final Comparator<Trace> NEWEST_FIRST = Comparator.comparing((Trace trace) -> trace.times().received())
            .thenComparing(Trace::id).reversed();

    private TraceOrder() {
    }

    /** {@code limit}, if it is not negative. */
    static int checkedLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return limit;
    }
}
