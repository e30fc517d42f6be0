package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.domain.session.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A map-backed {@link SessionRepository} for service tests; can be told to fail its writes. */
public final class MapSessionRepository implements SessionRepository {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean failWrites = new AtomicBoolean();

    /** Makes every later save throw, as a database that went away would. */
    public void failWrites() {
        failWrites.set(true);
    }

    @Override
    public Optional<Session> find(String conversationId) {
        return Optional.ofNullable(sessions.get(conversationId));
    }

    @Override
    public void save(Session session) {
        if (failWrites.get()) {
            throw new IllegalStateException("database unavailable");
        }
        sessions.put(session.conversationId(), session);
    }

    @Override
    public Optional<Session> delete(String conversationId) {
        return Optional.ofNullable(sessions.remove(conversationId));
    }

    @Override
    public synchronized List<Session> list() {
        return sessions.values().stream().sorted(Comparator.comparing(Session::lastUsedAt).reversed()).toList();
    }

    @Override
    public synchronized List<Session> removeIdleSince(Instant cutoff) {
        List<Session> idle = sessions.values().stream().filter(s -> s.idleSince(cutoff)).toList();
        idle.forEach(s -> sessions.remove(s.conversationId()));
        return idle;
    }

    @Override
    public synchronized List<Session> removeAllButNewest(int keep) {
        List<Session> all = list();
        List<Session> removed = new ArrayList<>(all.subList(Math.min(keep, all.size()), all.size()));
        removed.forEach(s -> sessions.remove(s.conversationId()));
        return removed;
    }
}
