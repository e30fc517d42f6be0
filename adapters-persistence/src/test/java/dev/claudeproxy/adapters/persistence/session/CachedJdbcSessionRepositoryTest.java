package dev.claudeproxy.adapters.persistence.session;

import dev.claudeproxy.adapters.persistence.Database;
import dev.claudeproxy.adapters.persistence.DatabaseSettings;
import dev.claudeproxy.adapters.persistence.Sql;
import dev.claudeproxy.application.port.out.SessionRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The {@code SessionRepository} contract against the cache in front of the H2 file database, as the server runs. */
class CachedJdbcSessionRepositoryTest extends SessionRepositoryContract {

    @TempDir
    static Path directory;

    private static Database database;

    @BeforeAll
    static void openDatabase() {
        database = Database.open(DatabaseSettings.embeddedIn(directory));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected SessionRepository emptyRepository() throws Exception {
        Sql.execute(database.dataSource(), "DELETE FROM sessions");
        // smaller than some tests' session counts, so eviction happens too
        return new CachedSessionRepository(new JdbcSessionRepository(database.dataSource()), 16);
    }
}
