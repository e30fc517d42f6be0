package dev.claudeproxy.application.port.out;

/** The CLI's own record of a session on disk, removed when our session goes away. */
public interface SessionTranscripts {

    /** Deletes what the CLI keeps for {@code cliSessionId}; nothing happens when there is nothing. */
    void delete(String cliSessionId);
}
