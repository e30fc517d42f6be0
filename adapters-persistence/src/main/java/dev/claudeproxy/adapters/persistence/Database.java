package dev.claudeproxy.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/** An open H2 database, its schema migrated by Flyway, reached through a small connection pool. */
public final class Database implements AutoCloseable {

    /** Where the migrations are; the schema is created and upgraded by these scripts only. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final int MAX_CONNECTIONS = 8;

    private final DatabaseSettings settings;
    private final JdbcConnectionPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DatabaseSettings settings, JdbcConnectionPool pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /** Opens (or creates) the database of {@code settings} and migrates it to the latest schema. */
    public static Database open(DatabaseSettings settings) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(settings.url(), settings.user(), settings.password());
        pool.setMaxConnections(MAX_CONNECTIONS);
        Database database = new Database(settings, pool);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            pool.dispose(); // closing the last connection closes the database, if it was opened at all
            throw e;
        }
    }

    /** The pooled connections; each one starts in auto-commit mode. */
    public DataSource dataSource() {
        return pool;
    }

    private void migrate() {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("migrating " + settings.url(), e);
        }
    }

    /**
     * Shuts an embedded database down, so its file is released even if a connection was left open, and empties
     * the pool; a shared server's database is left running for its other users. Does nothing the second time.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (settings.embedded()) {
                shutDown();
            }
        } finally {
            pool.dispose();
        }
    }

    private void shutDown() {
        // on a connection of its own: a pooled connection closed after SHUTDOWN logs an error to the .trace.db file
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.user());
        credentials.setProperty("password", settings.password());
        try (Connection connection = new org.h2.Driver().connect(settings.url(), credentials);
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new DatabaseException("shutting down " + settings.url(), e);
        }
    }
}
