package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.application.port.out.TraceRepository;

/** The {@code TraceRepository} contract against the in-memory repository. */
class InMemoryTraceRepositoryTest extends TraceRepositoryContract {

    @Override
    protected TraceRepository emptyRepository() {
        return new InMemoryTraceRepository();
    }
}
