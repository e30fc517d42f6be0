package dev.claudeproxy.adapters.persistence;

import static dev.claudeproxy.adapters.persistence.session.Sessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.persistence.session.JdbcSessionRepository;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user can query the sessions with H2's Shell, in a process of its own, while the server holds the database. */
class AutoServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void theH2Shell_inAnotherProcess_readsAndWritesTheSessionsWhileTheServerRuns() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embeddedIn(directory))) {
            JdbcSessionRepository sessions = new JdbcSessionRepository(database.dataSource());
            sessions.save(session("visible-to-the-shell"));
            // what a user types: the server's file URL with AUTO_SERVER=TRUE, and only the H2 jar on the classpath
            String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("claude-proxy") + ";AUTO_SERVER=TRUE";

            String output;
            try (ChildJvm shell = ChildJvm.start(h2Jar().toString(), "org.h2.tools.Shell", "-url", url,
                    "-user", "sa", "-password", "", "-sql",
                    "SELECT conversation_id, resume_count FROM sessions ORDER BY last_used_at DESC; "
                            + "UPDATE sessions SET failure_count = 5 WHERE conversation_id = 'visible-to-the-shell'")) {
                output = shell.awaitExit(PATIENCE);
                assertThat(shell.exitValue()).as(output).isZero();
            }

            assertThat(output).contains("visible-to-the-shell | 2", "(Update count: 1");
            assertThat(sessions.find("visible-to-the-shell").orElseThrow().failureCount()).isEqualTo(5);
        }
    }

    private static Path h2Jar() throws Exception {
        return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
