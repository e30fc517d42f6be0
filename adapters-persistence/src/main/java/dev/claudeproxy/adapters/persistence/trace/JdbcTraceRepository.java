package dev.claudeproxy.adapters.persistence.trace;

import static dev.claudeproxy.adapters.persistence.trace.TraceRows.COLUMNS;
import static dev.claudeproxy.adapters.persistence.trace.TraceRows.PLACEHOLDERS;

import dev.claudeproxy.adapters.persistence.DatabaseException;
import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.domain.trace.Trace;
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
 * Traces in the H2 {@code traces} table, one column per field; every method is one SQL statement in auto-commit
 * mode. Texts longer than their column are cut to fit, so what a client sent never fails a save.
 */
public final class JdbcTraceRepository implements TraceRepository {

    private static final String NEWEST_FIRST = " ORDER BY received_at DESC, request_id DESC FETCH FIRST ? ROWS ONLY";
    private static final String FIND = "SELECT " + COLUMNS + " FROM traces WHERE request_id = ?";
    // H2's MERGE ... KEY, as for sessions: two first saves of one id racing both succeed, the later one kept
    private static final String SAVE =
            "MERGE INTO traces (" + COLUMNS + ") KEY (request_id) VALUES (" + PLACEHOLDERS + ")";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM traces" + NEWEST_FIRST;
    private static final String RECENT_ERRORS = "SELECT " + COLUMNS + " FROM traces WHERE status = 'error'"
            + NEWEST_FIRST;
    private static final String REMOVE_RECEIVED_BEFORE = "DELETE FROM traces WHERE received_at < ?";

    private final DataSource dataSource;

    public JdbcTraceRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void save(Trace trace) {
        Trace fitted = TraceColumns.fitted(trace);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAVE)) {
            TraceRows.bind(statement, fitted);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("saving the trace of request " + trace.id(), e);
        }
    }

    @Override
    public Optional<Trace> find(String requestId) {
        return query("finding trace " + requestId, FIND, s -> s.setString(1, requestId)).stream().findFirst();
    }

    /** {@inheritDoc} Ties in receipt time come in descending request id order. */
    @Override
    public List<Trace> recent(int limit) {
        int checked = TraceOrder.checkedLimit(limit);
        return query("listing recent traces", RECENT, s -> s.setInt(1, checked));
    }

    /** {@inheritDoc} Ties in receipt time come in descending request id order. */
    @Override
    public List<Trace> recentErrors(int limit) {
        int checked = TraceOrder.checkedLimit(limit);
        return query("listing recent failed traces", RECENT_ERRORS, s -> s.setInt(1, checked));
    }

    @Override
    public int removeReceivedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(REMOVE_RECEIVED_BEFORE)) {
            statement.setObject(1, TraceRows.timestamp(cutoff));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("removing traces received before " + cutoff, e);
        }
    }

    private List<Trace> query(String operation, String sql, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<Trace> traces = new ArrayList<>();
                while (rows.next()) {
                    traces.add(TraceRows.read(rows));
                }
                return traces;
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
