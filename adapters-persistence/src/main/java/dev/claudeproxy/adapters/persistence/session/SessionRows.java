package dev.claudeproxy.adapters.persistence.session;

import dev.claudeproxy.domain.session.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How a {@link Session} maps to a row of the {@code sessions} table and back. */
final class SessionRows {

    /** The columns, in the order {@link #bind} fills them and {@link #read} reads them. */
    static final String COLUMNS = "conversation_id, cli_session_id, model, message_count, created_at, last_used_at, "
            + "resume_count, failure_count";

    /** Placeholders for {@link #COLUMNS}. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?";

    private SessionRows() {
    }

    /** Fills the parameters 1 to 8 with {@code session}'s values. */
    static void bind(PreparedStatement statement, Session session) throws SQLException {
        statement.setString(1, session.conversationId());
        statement.setString(2, session.cliSessionId());
        statement.setString(3, session.model());
        statement.setInt(4, session.messageCount());
        statement.setObject(5, timestamp(session.createdAt()));
        statement.setObject(6, timestamp(session.lastUsedAt()));
        statement.setInt(7, session.resumeCount());
        statement.setInt(8, session.failureCount());
    }

    /** The session in the current row of {@code rows}. */
    static Session read(ResultSet rows) throws SQLException {
        return new Session(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                instant(rows, 5), instant(rows, 6), rows.getInt(7), rows.getInt(8));
    }

    /** {@code instant} as a TIMESTAMP WITH TIME ZONE parameter, in UTC. */
    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
