-- Conversation sessions (SPEC section 9): one row per client conversation the claude CLI holds a session for.
-- Meant to be queried by users, e.g. SELECT * FROM sessions ORDER BY last_used_at DESC;
-- Timestamps keep nanoseconds (precision 9): H2's default precision of 6 would cut them off.
CREATE TABLE sessions (
    conversation_id VARCHAR(512)                NOT NULL PRIMARY KEY,
    cli_session_id  VARCHAR                     NOT NULL,
    model           VARCHAR                     NOT NULL,
    message_count   INTEGER                     NOT NULL CHECK (message_count >= 0),
    created_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    resume_count    INTEGER                     NOT NULL CHECK (resume_count >= 0),
    failure_count   INTEGER                     NOT NULL CHECK (failure_count >= 0)
);

CREATE INDEX sessions_last_used_at ON sessions (last_used_at);

COMMENT ON TABLE sessions IS 'Conversation sessions: which claude CLI session continues which client conversation';
COMMENT ON COLUMN sessions.conversation_id IS 'The client''s conversation id (x-conversation-id, x-session-id or openclaw metadata)';
COMMENT ON COLUMN sessions.cli_session_id IS 'The claude CLI session id, passed to --resume';
COMMENT ON COLUMN sessions.model IS 'The model the CLI session runs';
COMMENT ON COLUMN sessions.message_count IS 'How many messages the conversation had at its last turn';
COMMENT ON COLUMN sessions.created_at IS 'When the first (full-context) turn created the session';
COMMENT ON COLUMN sessions.last_used_at IS 'When the session was last used; sessions idle longer than the TTL are removed';
COMMENT ON COLUMN sessions.resume_count IS 'How many turns resumed the CLI session';
COMMENT ON COLUMN sessions.failure_count IS 'How many resumes failed and were replaced by a full-context turn';
