package dev.claudeproxy.adapters.persistence.session;

import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.domain.session.Session;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Sessions in a map, for tests and for running without a database; thread-safe, gone when the process ends. */
public final class InMemorySessionRepository implements SessionRepository {

    /** The order of {@link #list}, the same as the JDBC repository's: last use descending, then conversation id. */
    static final Comparator<Session> MOST_RECENT_FIRST =
            Comparator.comparing(Session::lastUsedAt).reversed().thenComparing(Session::conversationId);

    private final Map<String, Session> sessions = new HashMap<>();

    @Override
    public synchronized Optional<Session> find(String conversationId) {
        return Optional.ofNullable(sessions.get(conversationId));
    }

    @Override
    public synchronized void save(Session session) {
        sessions.put(session.conversationId(), session);
    }

    @Override
    public synchronized Optional<Session> delete(String conversationId) {
        return Optional.ofNullable(sessions.remove(conversationId));
    }

    @Override
    public synchronized List<Session> list() {
        return sessions.values().stream().sorted(MOST_RECENT_FIRST).toList();
    }

    /** {@inheritDoc} The removed ones come most recently used first. */
    @Override
    public synchronized List<Session> removeIdleSince(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return removeAll(list().stream().filter(session -> session.idleSince(cutoff)).toList());
    }

    /** {@inheritDoc} The removed ones come most recently used first. */
    @Override
    public synchronized List<Session> removeAllButNewest(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        List<Session> all = list();
        return removeAll(all.subList(Math.min(keep, all.size()), all.size()));
    }

    private List<Session> removeAll(List<Session> removed) {
        removed.forEach(session -> sessions.remove(session.conversationId()));
        return List.copyOf(removed);
    }
}
