package dev.claudeproxy.application.port.in;

/** Looking at and tidying the conversation sessions (SPEC §9). */
public interface SessionsUseCase {

    /** Every stored session with the figures. */
    SessionsOverview overview();

    /** Counts since the server started; cheap enough for every metrics scrape. */
    SessionActivity activity();

    /** Removes expired sessions and the oldest beyond the maximum count, with their CLI transcripts. */
    SessionCleanup cleanup();

    /** Forgets the session of {@code conversationId} and its CLI transcript; false when there was none. */
    boolean delete(String conversationId);
}
