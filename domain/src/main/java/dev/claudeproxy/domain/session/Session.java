package dev.claudeproxy.domain.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation the CLI holds a session for: the client's conversation id, the CLI's session id, the
 * model it runs, how many messages the conversation had at its last turn, and its use so far.
 */
public record Session(String conversationId, String cliSessionId, String model, int messageCount,
                      Instant createdAt, Instant lastUsedAt, int resumeCount, int failureCount) {

    /** The longest conversation id kept; longer ones are refused by whoever reads them. */
    public static final int MAX_CONVERSATION_ID_LENGTH = 512;

    public Session {
        requireText(conversationId, "conversationId");
        if (conversationId.length() > MAX_CONVERSATION_ID_LENGTH) {
            throw new IllegalArgumentException("conversationId is longer than " + MAX_CONVERSATION_ID_LENGTH);
        }
        requireText(cliSessionId, "cliSessionId");
        requireText(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (messageCount < 0 || resumeCount < 0 || failureCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** A session just created by a first (full-context) turn. */
    public static Session started(String conversationId, String cliSessionId, String model, int messageCount,
                                  Instant now) {
        return new Session(conversationId, cliSessionId, model, messageCount, now, now, 0, 0);
    }

    /** This session after a successful resumed turn. */
    public Session resumed(int messages, Instant now) {
        return new Session(conversationId, cliSessionId, model, messages, createdAt, now, resumeCount + 1,
                failureCount);
    }

    /** This conversation after its resume failed and a full-context turn started the CLI session {@code newCliId}. */
    public Session restartedAfterFailure(String newCliId, String newModel, int messages, Instant now) {
        return new Session(conversationId, newCliId, newModel, messages, createdAt, now, resumeCount,
                failureCount + 1);
    }

    /** Whether the session was last used before {@code cutoff}. */
    public boolean idleSince(Instant cutoff) {
        return lastUsedAt.isBefore(cutoff);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
