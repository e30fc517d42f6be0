package dev.claudeproxy.application.port.out;

import dev.claudeproxy.domain.trace.Trace;

/** Told of every request that ended, e.g. to count it in metrics; must be quick and must not throw. */
public interface TraceListener {

    void ended(Trace trace);
}
