package dev.claudeproxy.adapters.persistence.session;

import dev.claudeproxy.domain.session.Session;
import java.time.Instant;

/** Test sessions: distinct values in every field, timestamps with nanoseconds. */
public final class Sessions {

    /** A point in time with all nine fraction digits set, so a store that drops precision is caught. */
    public static final Instant T0 = Instant.parse("2025-06-01T10:15:30.123456789Z");

    private Sessions() {
    }

    /** A session of {@code conversationId} last used {@code seconds} after {@link #T0}. */
    public static Session usedAt(String conversationId, long seconds) {
        Instant lastUsed = T0.plusSeconds(seconds);
        return new Session(conversationId, "cli-" + conversationId, "claude-sonnet-4-5", 3,
                T0.minusNanos(987_654_321), lastUsed, 2, 1);
    }

    /** A session of {@code conversationId} last used at {@link #T0}. */
    public static Session session(String conversationId) {
        return usedAt(conversationId, 0);
    }
}
