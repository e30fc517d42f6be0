package dev.claudeproxy.application.port.out;

import dev.claudeproxy.domain.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where conversation sessions are kept; a {@link #save} that returned survives a crash of the server. */
public interface SessionRepository {

    /** The session of {@code conversationId}, if one is stored. */
    Optional<Session> find(String conversationId);

    /** Stores {@code session}, replacing the one of the same conversation id. */
    void save(Session session);

    /** Removes the session of {@code conversationId}; returns it if there was one. */
    Optional<Session> delete(String conversationId);

    /** Every stored session, most recently used first. */
    List<Session> list();

    /** Removes every session last used before {@code cutoff}; returns the removed ones. */
    List<Session> removeIdleSince(Instant cutoff);

    /** Removes all but the {@code keep} most recently used sessions; returns the removed ones. */
    List<Session> removeAllButNewest(int keep);
}
