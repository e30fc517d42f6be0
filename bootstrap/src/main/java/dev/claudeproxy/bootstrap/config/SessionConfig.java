package dev.claudeproxy.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where sessions are stored and how long they live: the folder of the embedded H2 file, or the JDBC URL of
 * another database with its credentials; the lifetime since last use, the maximum count, the cleanup period.
 */
public record SessionConfig(Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword, Duration ttl,
                            int maxSessions, Duration cleanupInterval) {

    public SessionConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        dbUrl = Objects.requireNonNull(dbUrl, "dbUrl").map(String::strip).filter(url -> !url.isEmpty());
        dbUrl.filter(url -> !url.startsWith("jdbc:h2:")).ifPresent(url -> {
            throw new IllegalArgumentException("dbUrl must be an H2 JDBC URL (jdbc:h2:...): '" + url + "'");
        });
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("sessionTtl must be positive: " + ttl);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1: " + maxSessions);
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("sessionCleanupInterval must be positive: " + cleanupInterval);
        }
    }

    /** The defaults: an embedded file under ./data, 24 h, 500 sessions, cleanup every 10 minutes. */
    public static SessionConfig defaults() {
        return new SessionConfig(Path.of("./data"), Optional.empty(), "sa", "", Duration.ofHours(24), 500,
                Duration.ofMinutes(10));
    }

    @Override
    public String toString() {
        return "SessionConfig[dataDir=" + dataDir + ", dbUrl=" + dbUrl.orElse("(embedded)") + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword.isEmpty() ? "(unset)" : "***") + ", ttl=" + ttl
                + ", maxSessions=" + maxSessions + ", cleanupInterval=" + cleanupInterval + "]";
    }
}
