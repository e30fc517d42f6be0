package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.SessionCleanup;
import dev.claudeproxy.application.port.in.SessionActivity;
import dev.claudeproxy.application.port.in.SessionStats;
import dev.claudeproxy.application.port.in.SessionsOverview;
import dev.claudeproxy.application.port.in.SessionsUseCase;
import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.application.port.out.SessionTranscripts;
import dev.claudeproxy.domain.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Maps conversations to CLI sessions: which one a turn resumes, what is stored after it, what is forgotten (SPEC §9). */
public final class ConversationSessions implements SessionsUseCase {

    private static final System.Logger LOG = System.getLogger(ConversationSessions.class.getName());

    private final SessionRepository repository;
    private final SessionTranscripts transcripts;
    private final Clock clock;
    private final Duration ttl;
    private final int maxSessions;
    private final ConversationLocks locks = new ConversationLocks();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong resumes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param ttl         how long a session lives after its last use
     * @param maxSessions how many sessions are kept at most; the least recently used go first
     */
    public ConversationSessions(SessionRepository repository, SessionTranscripts transcripts, Clock clock,
                                Duration ttl, int maxSessions) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || maxSessions < 1) {
            throw new IllegalArgumentException("sessions need a positive lifetime and room for at least one");
        }
        this.maxSessions = maxSessions;
    }

    /** Waits at most {@code maxWait} until no other turn of the conversation runs; {@code null} when it ran out. */
    ConversationLocks.Lease enter(String conversationId, Duration maxWait) throws InterruptedException {
        return locks.acquire(conversationId, maxWait);
    }

    /** How many turns of {@code conversationId} are running or waiting for their turn. */
    int turns(String conversationId) {
        return locks.turns(conversationId);
    }

    /** The live session a turn of {@code messageCount} messages for {@code model} should resume, if any. */
    Optional<Session> resumable(String conversationId, String model, int messageCount) {
        if (messageCount < 2) {
            return Optional.empty();
        }
        lookups.incrementAndGet();
        Optional<Session> stored;
        try {
            stored = repository.find(conversationId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "session lookup failed, running with the full context: " + e, e);
            return Optional.empty();
        }
        if (stored.isPresent() && stored.get().idleSince(cutoff())) {
            bookkeeping(() -> forget(stored.get()));
            return Optional.empty();
        }
        Optional<Session> usable = stored.filter(s -> s.model().equals(model));
        usable.ifPresent(s -> hits.incrementAndGet());
        return usable;
    }

    /** Records a successful resumed turn. */
    void resumed(Session session, int messageCount) {
        resumes.incrementAndGet();
        bookkeeping(() -> repository.save(session.resumed(messageCount, clock.instant())));
    }

    /** Records that resuming {@code session} failed: the mapping and the CLI's transcript are dropped. */
    void resumeFailed(Session session) {
        failures.incrementAndGet();
        bookkeeping(() -> forget(session));
    }

    /**
     * Records a full-context turn that started CLI session {@code cliSessionId}; {@code failed} is the session
     * whose resume failed just before, so its failure is counted on the new one.
     */
    void started(String conversationId, String cliSessionId, String model, int messageCount,
                 Optional<Session> failed) {
        bookkeeping(() -> {
            Instant now = clock.instant();
            Session session = failed
                    .map(f -> f.restartedAfterFailure(cliSessionId, model, messageCount, now))
                    .orElseGet(() -> Session.started(conversationId, cliSessionId, model, messageCount, now));
            repository.find(conversationId)
                    .filter(old -> !old.cliSessionId().equals(cliSessionId))
                    .ifPresent(old -> transcripts.delete(old.cliSessionId()));
            repository.save(session);
            repository.removeAllButNewest(maxSessions).forEach(s -> transcripts.delete(s.cliSessionId()));
        });
    }

    @Override
    public SessionsOverview overview() {
        List<Session> sessions = repository.list();
        Instant cutoff = cutoff();
        int active = (int) sessions.stream().filter(s -> !s.idleSince(cutoff)).count();
        long resumes = sessions.stream().mapToLong(Session::resumeCount).sum();
        long failures = sessions.stream().mapToLong(Session::failureCount).sum();
        return new SessionsOverview(sessions,
                new SessionStats(sessions.size(), active, resumes, failures, lookups.get(), hits.get()));
    }

    @Override
    public SessionActivity activity() {
        return new SessionActivity(lookups.get(), hits.get(), resumes.get(), failures.get());
    }

    @Override
    public SessionCleanup cleanup() {
        List<Session> expired = repository.removeIdleSince(cutoff());
        List<Session> evicted = repository.removeAllButNewest(maxSessions);
        expired.forEach(s -> transcripts.delete(s.cliSessionId()));
        evicted.forEach(s -> transcripts.delete(s.cliSessionId()));
        return new SessionCleanup(expired.size(), evicted.size(), repository.list().size());
    }

    @Override
    public boolean delete(String conversationId) {
        Optional<Session> removed = repository.delete(conversationId);
        removed.ifPresent(s -> transcripts.delete(s.cliSessionId()));
        return removed.isPresent();
    }

    private void forget(Session session) {
        repository.delete(session.conversationId());
        transcripts.delete(session.cliSessionId());
    }

    private Instant cutoff() {
        return clock.instant().minus(ttl);
    }

    /** Session bookkeeping never costs a client its answer: a failing store is logged, not thrown. */
    private static void bookkeeping(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "session bookkeeping failed: " + e, e);
        }
    }
}
