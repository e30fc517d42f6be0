package dev.claudeproxy.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What H2 2.5 and Flyway 13 do that the persistence code relies on or works around. */
class H2AndFlywayTest {

    @TempDir
    Path directory;

    @Test
    void aTimestampWithTimeZone_withoutAPrecision_roundsToMicroseconds_soTheTableDeclaresPrecision9() throws Exception {
        OffsetDateTime nanos = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 123_456_789, ZoneOffset.UTC);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP(9) WITH TIME ZONE)")) {
            statement.setObject(1, nanos);
            statement.setObject(2, nanos);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                assertThat(row.getObject(1, OffsetDateTime.class)).isEqualTo(nanos.withNano(123_457_000));
                assertThat(row.getObject(2, OffsetDateTime.class)).isEqualTo(nanos);
            }
        }
    }

    @Test
    void unquotedNamesAreUpperCase_andInformationSchemaHasASessionsTableToo_butSessionsMeansOurs() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            assertThat(Sql.rows(database.dataSource(),
                    "SELECT TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'SESSIONS' ORDER BY 1"))
                    .containsExactly(List.of("INFORMATION_SCHEMA"), List.of("PUBLIC"));
            assertThat(Sql.rows(database.dataSource(), "SELECT COUNT(*) FROM sessions")).containsExactly(List.of(0L));
        }
    }

    @Test
    void unquotedNamesAreUpperCase_butFlywaysHistoryTableIsLowerCase_soItMustBeQuoted() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            assertThat(Sql.rows(database.dataSource(), """
                    SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                    WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME"""))
                    .containsExactly(List.of("SESSIONS"), List.of("TRACES"), List.of("flyway_schema_history"));
            assertThat(Sql.rows(database.dataSource(), "SELECT COUNT(*) FROM Sessions")).containsExactly(List.of(0L));
            assertThat(Sql.rows(database.dataSource(),
                    "SELECT \"description\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\""))
                    .as("Flyway 13 records the history table's creation as a row of its own")
                    .containsExactly(List.of("<< Flyway Schema History table created >>"), List.of("sessions"),
                            List.of("traces"));
            assertThatThrownBy(() -> Sql.rows(database.dataSource(), "SELECT COUNT(*) FROM flyway_schema_history"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("not found");
        }
    }

    @Test
    void theDefaultUrl_turnsOffTheWriteDelay_whichH2OtherwiseSetsTo500Milliseconds() throws Exception {
        String writeDelay = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'";
        try (Connection plain = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("plain"), "sa", "")) {
            assertThat(Sql.rows(plain, writeDelay)).containsExactly(List.of("500"));
        }
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            // H2 lists WRITE_DELAY twice once it was set: the running value and the one stored in the file
            assertThat(Sql.rows(database.dataSource(), writeDelay)).isNotEmpty().containsOnly(List.of("0"));
        }
    }

    @Test
    void aPooledConnectionClosedAfterShutdown_logsAnErrorToTheTraceFile_soCloseShutsDownOnItsOwnConnection()
            throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("db"), "sa", "");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }

        assertThat(directory.resolve("db.trace.db")).exists();
        assertThat(Files.readString(directory.resolve("db.trace.db"))).contains("Database is already closed");
    }
}
