package dev.claudeproxy.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.out.HealthProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database's health check against an open, then a closed, H2 file database. */
class DatabaseProbeTest {

    @TempDir
    Path directory;

    @Test
    void anOpenDatabase_isUp() {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            DatabaseProbe probe = new DatabaseProbe(database.dataSource());

            HealthProbe.Result result = probe.check();

            assertThat(probe.name()).isEqualTo("database");
            assertThat(result.up()).as(result.detail()).isTrue();
            assertThat(result.detail()).startsWith("SELECT 1 answered in ").endsWith(" ms");
        }
    }

    @Test
    void aClosedDatabase_whosePoolThrowsAnUncheckedException_isDown_withoutThrowing() {
        Database database = Database.open(DatabaseSettings.embeddedIn(directory));
        DatabaseProbe probe = new DatabaseProbe(database.dataSource());
        database.close();

        HealthProbe.Result result = probe.check();

        assertThat(result.up()).isFalse();
        assertThat(result.detail()).startsWith("IllegalStateException: ");
    }

    @Test
    void aDatabaseShutDownUnderAnOpenPool_isDown_withTheDriversReason() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            DatabaseProbe probe = new DatabaseProbe(database.dataSource());
            Sql.execute(database.dataSource(), "SHUTDOWN");

            HealthProbe.Result result = probe.check();

            assertThat(result.up()).isFalse();
            assertThat(result.detail()).startsWith("Jdbc").contains("closed");
        }
    }
}
