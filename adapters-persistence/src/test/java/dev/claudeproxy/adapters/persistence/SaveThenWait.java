package dev.claudeproxy.adapters.persistence;

import dev.claudeproxy.adapters.persistence.session.JdbcSessionRepository;
import java.io.IOException;
import java.nio.file.Path;

/** The child of {@link CrashDurabilityTest}: opens the database in {@code args[0]}, saves a session, says so, waits. */
public final class SaveThenWait {

    private SaveThenWait() {
    }

    public static void main(String[] args) throws IOException {
        Database database = Database.open(DatabaseSettings.embeddedIn(Path.of(args[0])));
        new JdbcSessionRepository(database.dataSource()).save(CrashDurabilityTest.SAVED);
        System.out.println("saved");
        System.out.flush();
        // blocks until the test kills this process; if the test itself dies, stdin closes and this process ends
        System.in.read();
        database.close();
    }
}
