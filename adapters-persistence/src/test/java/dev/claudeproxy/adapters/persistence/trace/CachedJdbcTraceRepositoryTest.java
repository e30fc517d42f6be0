package dev.claudeproxy.adapters.persistence.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.out.TraceRepository;
import org.junit.jupiter.api.AfterEach;

/**
 * The {@code TraceRepository} contract against the write-behind cache in front of the H2 file database, as the
 * server runs; after each test the table must hold what the cache answered.
 */
class CachedJdbcTraceRepositoryTest extends JdbcTraceRepositoryTest {

    private CachedTraceRepository cached;

    @Override
    protected TraceRepository emptyRepository() throws Exception {
        // smaller than some tests' trace counts, so eviction happens too
        cached = CachedTraceRepository.writingBehind(super.emptyRepository(), 4);
        return cached;
    }

    @AfterEach
    void theTableHoldsWhatTheCacheAnswered() {
        cached.close();
        assertThat(new JdbcTraceRepository(database.dataSource()).recent(1000)).isEqualTo(cached.recent(1000));
    }
}
