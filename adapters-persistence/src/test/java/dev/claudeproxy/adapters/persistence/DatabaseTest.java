package dev.claudeproxy.adapters.persistence;

import static dev.claudeproxy.adapters.persistence.session.Sessions.T0;
import static dev.claudeproxy.adapters.persistence.session.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.adapters.persistence.session.JdbcSessionRepository;
import dev.claudeproxy.adapters.persistence.trace.JdbcTraceRepository;
import dev.claudeproxy.adapters.persistence.trace.Traces;
import dev.claudeproxy.domain.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating, reopening and closing the H2 file database with the default settings. */
class DatabaseTest {

    private static final String HISTORY = """
            SELECT "version", "description", "success" FROM "flyway_schema_history"
            WHERE "version" IS NOT NULL ORDER BY "installed_rank"
            """;

    private static final List<List<Object>> MIGRATED =
            List.of(List.of("1", "sessions", true), List.of("2", "traces", true));

    @TempDir
    Path directory;

    @Test
    void anEmptyDirectory_getsTheSchemaOfTheMigrations() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            assertThat(Sql.rows(database.dataSource(), HISTORY)).isEqualTo(MIGRATED);
            assertThat(Sql.rows(database.dataSource(), """
                    SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, DATETIME_PRECISION, IS_NULLABLE
                    FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SESSIONS'
                    ORDER BY ORDINAL_POSITION"""))
                    .containsExactly(
                            Arrays.asList("CONVERSATION_ID", "CHARACTER VARYING", 512L, null, "NO"),
                            Arrays.asList("CLI_SESSION_ID", "CHARACTER VARYING", 1_000_000_000L, null, "NO"),
                            Arrays.asList("MODEL", "CHARACTER VARYING", 1_000_000_000L, null, "NO"),
                            Arrays.asList("MESSAGE_COUNT", "INTEGER", null, null, "NO"),
                            Arrays.asList("CREATED_AT", "TIMESTAMP WITH TIME ZONE", null, 9, "NO"),
                            Arrays.asList("LAST_USED_AT", "TIMESTAMP WITH TIME ZONE", null, 9, "NO"),
                            Arrays.asList("RESUME_COUNT", "INTEGER", null, null, "NO"),
                            Arrays.asList("FAILURE_COUNT", "INTEGER", null, null, "NO"));
            assertThat(Sql.rows(database.dataSource(), """
                    SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
                    WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SESSIONS' AND COLUMN_NAME = 'LAST_USED_AT'"""))
                    .containsExactly(List.of("SESSIONS_LAST_USED_AT"));
        }
        assertThat(directory.resolve("claude-proxy.mv.db")).isRegularFile();
    }

    @Test
    void theTableAndEachColumn_areExplainedInInformationSchema() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            assertThat(Sql.rows(database.dataSource(), """
                    SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES
                    WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SESSIONS'"""))
                    .singleElement()
                    .satisfies(row -> assertThat((String) row.getFirst()).contains("claude CLI session"));
            assertThat(Sql.rows(database.dataSource(), """
                    SELECT COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS
                    WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SESSIONS'"""))
                    .hasSize(8)
                    .allSatisfy(row -> assertThat((String) row.get(1)).as("remarks of %s", row.getFirst())
                            .isNotBlank());
        }
    }

    @Test
    void reopeningAMigratedDatabase_keepsItsRows_andAppliesNoMigrationAgain() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            Sql.execute(database.dataSource(), """
                    INSERT INTO sessions VALUES ('typed-by-hand', 'cli-1', 'claude-haiku-4-5', 2,
                        TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00.000000001+02',
                        TIMESTAMP WITH TIME ZONE '2025-01-02 10:00:00+00', 1, 0)""");
        }

        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            assertThat(Sql.rows(database.dataSource(), HISTORY)).isEqualTo(MIGRATED);
            assertThat(new JdbcSessionRepository(database.dataSource()).find("typed-by-hand")).contains(new Session(
                    "typed-by-hand", "cli-1", "claude-haiku-4-5", 2, Instant.parse("2025-01-01T08:00:00.000000001Z"),
                    Instant.parse("2025-01-02T10:00:00Z"), 1, 0));
        }
    }

    @Test
    void aDatabaseAtV1WithASession_isMigratedToV2_keepingTheSession_andThenKeepsTraces() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embeddedIn(directory);
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations(Database.MIGRATIONS).target("1").load().migrate();
        try (Connection atV1 = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            assertThat(Sql.rows(atV1, HISTORY)).containsExactly(List.of("1", "sessions", true));
            Sql.execute(atV1, """
                    INSERT INTO sessions VALUES ('from-v1', 'cli-1', 'claude-haiku-4-5', 2,
                        TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00.000000001+02',
                        TIMESTAMP WITH TIME ZONE '2025-01-02 10:00:00+00', 1, 0)""");
        }

        try (Database database = Database.open(settings)) {
            assertThat(Sql.rows(database.dataSource(), HISTORY)).isEqualTo(MIGRATED);
            assertThat(new JdbcSessionRepository(database.dataSource()).list()).containsExactly(new Session(
                    "from-v1", "cli-1", "claude-haiku-4-5", 2, Instant.parse("2025-01-01T08:00:00.000000001Z"),
                    Instant.parse("2025-01-02T10:00:00Z"), 1, 0));
            JdbcTraceRepository traces = new JdbcTraceRepository(database.dataSource());
            traces.save(Traces.completed("after-v2", 0));
            assertThat(traces.find("after-v2")).contains(Traces.completed("after-v2", 0));
        }
    }

    @Test
    void aSavedSession_survivesARestart() {
        Session saved = session("conv").resumed(4, T0.plusNanos(7));
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            new JdbcSessionRepository(database.dataSource()).save(saved);
        }

        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            assertThat(new JdbcSessionRepository(database.dataSource()).list()).containsExactly(saved);
        }
    }

    @Test
    void close_releasesTheFile_evenWithAConnectionLeftOpen_andLeavesNoErrorTrace_andCanBeRepeated() throws Exception {
        Database database = Database.open(DatabaseSettings.embeddedIn(directory));
        Connection leaked = database.dataSource().getConnection();
        assertThat(directory.resolve("claude-proxy.lock.db")).as("AUTO_SERVER locks with a lock file").exists();

        database.close();
        database.close();

        assertThat(leaked.isClosed()).isTrue();
        try (var files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("claude-proxy.mv.db");
        }
    }

    @Test
    void aDatabaseThatRefusesTheCredentials_failsToOpen_andStaysUsable() {
        Database.open(DatabaseSettings.embeddedIn(directory)).close();
        DatabaseSettings defaults = DatabaseSettings.embeddedIn(directory);

        assertThatThrownBy(() -> Database.open(new DatabaseSettings(defaults.url(), "sa", "wrong")))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("Wrong user name or password");

        Database.open(defaults).close();
    }
}
