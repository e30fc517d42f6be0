package dev.claudeproxy.adapters.persistence.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.domain.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Caffeine cache of sessions by conversation id in front of another repository: finds are served from the cache,
 * saves and deletes write through, removals forget what they removed, and lists go to the other repository.
 * Writes and loads of one conversation id run one at a time (in the cache's per-key computation), so a slow find
 * cannot put back a session that a concurrent save or delete replaced.
 */
public final class CachedSessionRepository implements SessionRepository {

    private final SessionRepository delegate;
    private final Cache<String, Session> cache;

    /** Caches up to {@code maximumSize} sessions of {@code delegate}, least recently used ones evicted first. */
    public CachedSessionRepository(SessionRepository delegate, long maximumSize) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize must not be negative: " + maximumSize);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public Optional<Session> find(String conversationId) {
        // an absent session is not cached: the loader's null leaves no entry
        return Optional.ofNullable(cache.get(conversationId, id -> delegate.find(id).orElse(null)));
    }

    @Override
    public void save(Session session) {
        cache.asMap().compute(session.conversationId(), (id, cached) -> {
            delegate.save(session);
            return session;
        });
    }

    @Override
    public Optional<Session> delete(String conversationId) {
        AtomicReference<Optional<Session>> deleted = new AtomicReference<>(Optional.empty());
        cache.asMap().compute(conversationId, (id, cached) -> {
            deleted.set(delegate.delete(id));
            return null;
        });
        return deleted.get();
    }

    @Override
    public List<Session> list() {
        return delegate.list();
    }

    @Override
    public List<Session> removeIdleSince(Instant cutoff) {
        return forget(delegate.removeIdleSince(cutoff));
    }

    @Override
    public List<Session> removeAllButNewest(int keep) {
        return forget(delegate.removeAllButNewest(keep));
    }

    private List<Session> forget(List<Session> removed) {
        // a session saved again meanwhile is forgotten too; the next find loads it back
        removed.forEach(session -> cache.invalidate(session.conversationId()));
        return removed;
    }
}
