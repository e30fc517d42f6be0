package dev.claudeproxy.adapters.persistence.session;

import dev.claudeproxy.application.port.out.SessionRepository;

/** The {@code SessionRepository} contract against the cache in front of the H2 file database, as the server runs. */
class CachedJdbcSessionRepositoryTest extends JdbcSessionRepositoryTest {

    @Override
    protected SessionRepository emptyRepository() throws Exception {
        // smaller than some tests' session counts, so eviction happens too
        return new CachedSessionRepository(super.emptyRepository(), 16);
    }
}
