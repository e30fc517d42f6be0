package dev.claudeproxy.adapters.persistence;

import java.nio.file.Path;
import java.util.Objects;

/** Where the H2 database is and who to connect as; {@link #embeddedIn} gives the default file database. */
public record DatabaseSettings(String url, String user, String password) {

    /** The file name (without H2's {@code .mv.db} suffix) of the default database. */
    public static final String FILE_NAME = "claude-proxy";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("not an H2 JDBC URL: " + url);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        Objects.requireNonNull(password, "password");
    }

    /**
     * The embedded database file {@code claude-proxy.mv.db} in {@code directory}, user {@code sa}, no password.
     * AUTO_SERVER lets another process (the H2 Shell, say) open the same URL while the server runs;
     * WRITE_DELAY=0 writes every commit to the file at once, so it survives the process being killed.
     */
    public static DatabaseSettings embeddedIn(Path directory) {
        // H2 wants an absolute (or ./-relative) file path, and ';' would end the path inside the URL
        String file = directory.toAbsolutePath().normalize().resolve(FILE_NAME).toString();
        if (file.indexOf(';') >= 0) {
            throw new IllegalArgumentException("a database directory must not contain ';': " + directory);
        }
        return new DatabaseSettings("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
    }

    /** Whether the URL opens a database in this process (a file or memory) rather than on an H2 server. */
    public boolean embedded() {
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }

    @Override
    public String toString() {
        String shown = password.isEmpty() ? "" : "***";
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + shown + "]";
    }
}
