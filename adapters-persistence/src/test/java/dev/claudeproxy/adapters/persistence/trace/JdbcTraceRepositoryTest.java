package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.adapters.persistence.Database;
import dev.claudeproxy.adapters.persistence.DatabaseSettings;
import dev.claudeproxy.adapters.persistence.Sql;
import dev.claudeproxy.application.port.out.TraceRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The {@code TraceRepository} contract against the H2 file database, opened once with the default settings. */
class JdbcTraceRepositoryTest extends TraceRepositoryContract {

    @TempDir
    static Path directory;

    static Database database;

    @BeforeAll
    static void openDatabase() {
        database = Database.open(DatabaseSettings.embeddedIn(directory));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected TraceRepository emptyRepository() throws Exception {
        Sql.execute(database.dataSource(), "DELETE FROM traces");
        return new JdbcTraceRepository(database.dataSource());
    }
}
