package dev.claudeproxy.adapters.persistence.session;

import static dev.claudeproxy.adapters.persistence.session.SessionRows.COLUMNS;
import static dev.claudeproxy.adapters.persistence.session.SessionRows.PLACEHOLDERS;

import dev.claudeproxy.adapters.persistence.DatabaseException;
import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.domain.session.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sessions in the H2 {@code sessions} table; every method is one SQL statement in auto-commit mode, so one short
 * transaction. Removals delete and return the removed rows in the same statement (H2's {@code OLD TABLE}), so
 * concurrent removals never report a session twice.
 */
public final class JdbcSessionRepository implements SessionRepository {

    private static final String MOST_RECENT_FIRST = " ORDER BY last_used_at DESC, conversation_id";
    private static final String FIND = "SELECT " + COLUMNS + " FROM sessions WHERE conversation_id = ?";
    // H2's MERGE ... KEY, not the standard MERGE ... USING: when two first saves of one conversation race, the
    // standard one fails one of them with a unique-key violation; H2's waits for the other and updates its row
    private static final String SAVE =
            "MERGE INTO sessions (" + COLUMNS + ") KEY (conversation_id) VALUES (" + PLACEHOLDERS + ")";
    private static final String LIST = "SELECT " + COLUMNS + " FROM sessions" + MOST_RECENT_FIRST;
    private static final String DELETE =
            "SELECT " + COLUMNS + " FROM OLD TABLE (DELETE FROM sessions WHERE conversation_id = ?)";
    private static final String REMOVE_IDLE =
            "SELECT " + COLUMNS + " FROM OLD TABLE (DELETE FROM sessions WHERE last_used_at < ?)" + MOST_RECENT_FIRST;
    private static final String REMOVE_ALL_BUT_NEWEST = "SELECT " + COLUMNS + " FROM OLD TABLE (DELETE FROM sessions"
            + " WHERE conversation_id IN (SELECT conversation_id FROM sessions" + MOST_RECENT_FIRST + " OFFSET ? ROWS))"
            + MOST_RECENT_FIRST;

    private final DataSource dataSource;

    public JdbcSessionRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<Session> find(String conversationId) {
        return query("finding session " + conversationId, FIND, s -> s.setString(1, conversationId))
                .stream().findFirst();
    }

    @Override
    public void save(Session session) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAVE)) {
            SessionRows.bind(statement, session);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("saving session " + session.conversationId(), e);
        }
    }

    @Override
    public Optional<Session> delete(String conversationId) {
        return query("deleting session " + conversationId, DELETE, s -> s.setString(1, conversationId))
                .stream().findFirst();
    }

    /** {@inheritDoc} Ties in last use are broken by conversation id. */
    @Override
    public List<Session> list() {
        return query("listing sessions", LIST, s -> { });
    }

    /** {@inheritDoc} The removed ones come most recently used first. */
    @Override
    public List<Session> removeIdleSince(Instant cutoff) {
        return query("removing sessions idle since " + cutoff, REMOVE_IDLE,
                s -> s.setObject(1, SessionRows.timestamp(cutoff)));
    }

    /** {@inheritDoc} The removed ones come most recently used first. */
    @Override
    public List<Session> removeAllButNewest(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        return query("removing all sessions but the newest " + keep, REMOVE_ALL_BUT_NEWEST, s -> s.setInt(1, keep));
    }

    private List<Session> query(String operation, String sql, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<Session> sessions = new ArrayList<>();
                while (rows.next()) {
                    sessions.add(SessionRows.read(rows));
                }
                return sessions;
            }
        } catch (SQLException e) {
            throw new DatabaseException(operation, e);
        }
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
