package dev.claudeproxy.adapters.persistence.session;

import dev.claudeproxy.application.port.out.SessionRepository;

/** The {@code SessionRepository} contract against the in-memory repository. */
class InMemorySessionRepositoryTest extends SessionRepositoryContract {

    @Override
    protected SessionRepository emptyRepository() {
        return new InMemorySessionRepository();
    }
}
