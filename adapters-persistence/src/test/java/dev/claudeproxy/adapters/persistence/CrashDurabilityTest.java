package dev.claudeproxy.adapters.persistence;

import static dev.claudeproxy.adapters.persistence.session.Sessions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.persistence.session.JdbcSessionRepository;
import dev.claudeproxy.domain.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session whose save returned is still there after the server process is killed with {@code kill -9}. */
class CrashDurabilityTest {

    static final Session SAVED = new Session("saved-before-the-crash", "cli-crash", "claude-sonnet-4-5", 4,
            T0, T0.plusNanos(1), 1, 0);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void aSessionSavedJustBeforeAKill9_isFoundAfterTheRestart() throws Exception {
        try (ChildJvm server = ChildJvm.start(System.getProperty("java.class.path"), SaveThenWait.class.getName(),
                directory.toString())) {
            server.awaitLine("saved", PATIENCE);

            assertThat(server.kill(PATIENCE)).as("exit code of the killed process").isNotZero();
        }

        // the dead process left H2's lock file behind: opening waits about 2 s for H2 to see the lock is stale
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            assertThat(new JdbcSessionRepository(database.dataSource()).find(SAVED.conversationId())).contains(SAVED);
        }
    }
}
