package dev.claudeproxy.adapters.persistence.session;

import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.domain.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory repository that counts the finds and lists it is asked for, and can be made to fail its saves. */
final class CountingSessionRepository implements SessionRepository {

    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger lists = new AtomicInteger();
    volatile boolean failSaves;

    private final InMemorySessionRepository sessions = new InMemorySessionRepository();

    @Override
    public Optional<Session> find(String conversationId) {
        finds.incrementAndGet();
        return sessions.find(conversationId);
    }

    @Override
    public void save(Session session) {
        if (failSaves) {
            throw new IllegalStateException("save failed");
        }
        sessions.save(session);
    }

    @Override
    public Optional<Session> delete(String conversationId) {
        return sessions.delete(conversationId);
    }

    @Override
    public List<Session> list() {
        lists.incrementAndGet();
        return sessions.list();
    }

    @Override
    public List<Session> removeIdleSince(Instant cutoff) {
        return sessions.removeIdleSince(cutoff);
    }

    @Override
    public List<Session> removeAllButNewest(int keep) {
        return sessions.removeAllButNewest(keep);
    }
}
