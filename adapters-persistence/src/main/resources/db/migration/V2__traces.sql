-- Request traces (SPEC section 10): one row per request, written when it ends (and replaced if written again).
-- Meant to be queried by users, e.g. SELECT * FROM traces WHERE status = 'error' ORDER BY received_at DESC;
-- One column per field; texts that are empty (unknown or none) are NULL; longer texts were cut to the column size.
-- Timestamps keep nanoseconds (precision 9); the *_ms columns are derived from them when the trace is written.
CREATE TABLE traces (
    request_id                  VARCHAR(128)                NOT NULL PRIMARY KEY,
    route                       VARCHAR(256),
    requested_model             VARCHAR(256),
    model                       VARCHAR(256),
    stream                      BOOLEAN                     NOT NULL,
    has_tools                   BOOLEAN                     NOT NULL,
    thinking                    BOOLEAN                     NOT NULL,
    prompt_chars                INTEGER                     NOT NULL CHECK (prompt_chars >= 0),
    system_chars                INTEGER                     NOT NULL CHECK (system_chars >= 0),
    message_count               INTEGER                     NOT NULL CHECK (message_count >= 0),
    body_bytes                  BIGINT                      NOT NULL CHECK (body_bytes >= 0),
    client_ip                   VARCHAR(64),
    user_agent                  VARCHAR(1024),
    phase                       VARCHAR(32)                 NOT NULL,
    status                      VARCHAR(16)                 NOT NULL,
    outcome                     VARCHAR(32),
    error_type                  VARCHAR(128),
    error_message               VARCHAR(4000),
    received_at                 TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    queued_at                   TIMESTAMP(9) WITH TIME ZONE,
    acquired_at                 TIMESTAMP(9) WITH TIME ZONE,
    cli_started_at              TIMESTAMP(9) WITH TIME ZONE,
    first_token_at              TIMESTAMP(9) WITH TIME ZONE,
    cli_done_at                 TIMESTAMP(9) WITH TIME ZONE,
    completed_at                TIMESTAMP(9) WITH TIME ZONE,
    queue_wait_ms               BIGINT,
    ttft_ms                     BIGINT,
    cli_duration_ms             BIGINT,
    total_duration_ms           BIGINT,
    cli_event_count             INTEGER                     NOT NULL CHECK (cli_event_count >= 0),
    last_event_type             VARCHAR(128),
    output_chars                INTEGER                     NOT NULL CHECK (output_chars >= 0),
    tool_call_count             INTEGER                     NOT NULL CHECK (tool_call_count >= 0),
    stall_count                 INTEGER                     NOT NULL CHECK (stall_count >= 0),
    input_tokens                INTEGER                     NOT NULL CHECK (input_tokens >= 0),
    output_tokens               INTEGER                     NOT NULL CHECK (output_tokens >= 0),
    cache_creation_input_tokens INTEGER                     NOT NULL CHECK (cache_creation_input_tokens >= 0),
    cache_read_input_tokens     INTEGER                     NOT NULL CHECK (cache_read_input_tokens >= 0),
    conversation_id             VARCHAR(512),
    cli_session_id              VARCHAR(128),
    resuming                    BOOLEAN                     NOT NULL,
    resume_failed               BOOLEAN                     NOT NULL
);

CREATE INDEX traces_received_at ON traces (received_at);
CREATE INDEX traces_status_received_at ON traces (status, received_at);
CREATE INDEX traces_conversation_id ON traces (conversation_id);

COMMENT ON TABLE traces IS 'Request traces: what each request asked, when it reached each step, what the claude CLI did and how it ended';
COMMENT ON COLUMN traces.request_id IS 'The request id (request-id response header; the caller''s x-request-id if it sent a plain one)';
COMMENT ON COLUMN traces.route IS 'The route that took the request, e.g. /v1/messages';
COMMENT ON COLUMN traces.requested_model IS 'The model the client asked for';
COMMENT ON COLUMN traces.model IS 'The CLI model tier the request ran on';
COMMENT ON COLUMN traces.stream IS 'Whether the client asked for a streamed (SSE) answer';
COMMENT ON COLUMN traces.has_tools IS 'Whether the request declared tools';
COMMENT ON COLUMN traces.thinking IS 'Whether the request asked for extended thinking';
COMMENT ON COLUMN traces.prompt_chars IS 'Characters of the rendered prompt';
COMMENT ON COLUMN traces.system_chars IS 'Characters of the rendered system prompt';
COMMENT ON COLUMN traces.message_count IS 'How many messages the request carried';
COMMENT ON COLUMN traces.body_bytes IS 'Size of the request body in bytes';
COMMENT ON COLUMN traces.client_ip IS 'The client''s IP address';
COMMENT ON COLUMN traces.user_agent IS 'The client''s User-Agent header, cut to 1024 characters';
COMMENT ON COLUMN traces.phase IS 'The last phase reached: received, queued, acquired, sdk_starting, sdk_streaming, sdk_done, responding, completed or error';
COMMENT ON COLUMN traces.status IS 'active, completed or error (follows from the phase)';
COMMENT ON COLUMN traces.outcome IS 'How the request ended, e.g. completed, client_disconnect, stall_timeout, queue_timeout, cli_error; NULL while active';
COMMENT ON COLUMN traces.error_type IS 'The kind of error the client was answered with; NULL if none';
COMMENT ON COLUMN traces.error_message IS 'The error message, cut to 4000 characters; NULL if none';
COMMENT ON COLUMN traces.received_at IS 'When the request was received';
COMMENT ON COLUMN traces.queued_at IS 'When the request joined the queue for a CLI slot; NULL if it never did';
COMMENT ON COLUMN traces.acquired_at IS 'When the request got a CLI slot; NULL if it never did';
COMMENT ON COLUMN traces.cli_started_at IS 'When the claude CLI process was started; NULL if it never was';
COMMENT ON COLUMN traces.first_token_at IS 'When the first model output arrived; NULL if none did';
COMMENT ON COLUMN traces.cli_done_at IS 'When the CLI sent its last event; NULL if it did not finish';
COMMENT ON COLUMN traces.completed_at IS 'When the answer to the client ended; NULL while active';
COMMENT ON COLUMN traces.queue_wait_ms IS 'Milliseconds waited for a slot (acquired_at - queued_at); NULL unless both are known';
COMMENT ON COLUMN traces.ttft_ms IS 'Milliseconds to the first token (first_token_at - received_at); NULL unless both are known';
COMMENT ON COLUMN traces.cli_duration_ms IS 'Milliseconds the CLI ran (cli_done_at - cli_started_at); NULL unless both are known';
COMMENT ON COLUMN traces.total_duration_ms IS 'Milliseconds from receipt to the end of the answer (completed_at - received_at); NULL unless both are known';
COMMENT ON COLUMN traces.cli_event_count IS 'How many stream-json events the CLI emitted';
COMMENT ON COLUMN traces.last_event_type IS 'The type of the CLI''s last event; NULL if none';
COMMENT ON COLUMN traces.output_chars IS 'Characters of output written to the client';
COMMENT ON COLUMN traces.tool_call_count IS 'How many tool calls the answer made';
COMMENT ON COLUMN traces.stall_count IS 'How many times the CLI went silent longer than the stall threshold';
COMMENT ON COLUMN traces.input_tokens IS 'Input tokens, as the CLI reported (or as estimated)';
COMMENT ON COLUMN traces.output_tokens IS 'Output tokens, as the CLI reported (or as estimated)';
COMMENT ON COLUMN traces.cache_creation_input_tokens IS 'Input tokens written to the prompt cache';
COMMENT ON COLUMN traces.cache_read_input_tokens IS 'Input tokens read from the prompt cache';
COMMENT ON COLUMN traces.conversation_id IS 'The client''s conversation id (see the sessions table); NULL if none';
COMMENT ON COLUMN traces.cli_session_id IS 'The claude CLI session the request ran in; NULL if none';
COMMENT ON COLUMN traces.resuming IS 'Whether the request tried to resume the conversation''s CLI session';
COMMENT ON COLUMN traces.resume_failed IS 'Whether that resume failed and a full-context turn replaced it';
