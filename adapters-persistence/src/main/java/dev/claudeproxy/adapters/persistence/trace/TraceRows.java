package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;
import dev.claudeproxy.domain.trace.TraceTimes;
import dev.claudeproxy.domain.turn.Usage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** How a {@link Trace} maps to a row of the {@code traces} table and back; empty texts are NULL there. */
final class TraceRows {

    /** The columns, in the order {@link #bind} fills them; status and the *_ms columns are derived, never read. */
    static final String COLUMNS = "request_id, route, requested_model, model, stream, has_tools, thinking, "
            + "prompt_chars, system_chars, message_count, body_bytes, client_ip, user_agent, "
            + "phase, status, outcome, error_type, error_message, "
            + "received_at, queued_at, acquired_at, cli_started_at, first_token_at, cli_done_at, completed_at, "
            + "queue_wait_ms, ttft_ms, cli_duration_ms, total_duration_ms, "
            + "cli_event_count, last_event_type, output_chars, tool_call_count, stall_count, "
            + "input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens, "
            + "conversation_id, cli_session_id, resuming, resume_failed";

    /** Placeholders for {@link #COLUMNS}. */
    static final String PLACEHOLDERS = "?, ".repeat(COLUMNS.split(",").length - 1) + "?";

    private TraceRows() {
    }

    /** Fills the parameters of {@link #COLUMNS} with {@code trace}'s values, whose texts must fit their columns. */
    static void bind(PreparedStatement statement, Trace trace) throws SQLException {
        TraceRequest r = trace.request();
        TraceTimes t = trace.times();
        CliActivity cli = trace.cli();
        Usage usage = trace.usage();
        TraceSession session = trace.session();
        Object[] values = {
            r.requestId(), text(r.route()), text(r.requestedModel()), text(r.model()), r.stream(), r.hasTools(),
            r.thinking(), r.promptChars(), r.systemChars(), r.messageCount(), r.bodyBytes(), text(r.clientIp()),
            text(r.userAgent()),
            trace.phase().wireName(), trace.status().wireName(),
            trace.outcome() == null ? null : trace.outcome().wireName(),
            text(trace.errorType()), text(trace.errorMessage()),
            timestamp(t.received()), timestamp(t.queued()), timestamp(t.acquired()), timestamp(t.cliStarted()),
            timestamp(t.firstToken()), timestamp(t.cliDone()), timestamp(t.completed()),
            millis(t.queueWait()), millis(t.timeToFirstToken()), millis(t.cliDuration()), millis(t.totalDuration()),
            cli.eventCount(), text(cli.lastEventType()), cli.outputChars(), cli.toolCallCount(), cli.stallCount(),
            usage.inputTokens(), usage.outputTokens(), usage.cacheCreationInputTokens(), usage.cacheReadInputTokens(),
            text(session.conversationId()), text(session.cliSessionId()), session.resuming(), session.resumeFailed()
        };
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    /** The trace in the current row of {@code rows}. */
    static Trace read(ResultSet rows) throws SQLException {
        TraceRequest request = new TraceRequest(rows.getString("request_id"), rows.getString("route"),
                rows.getString("requested_model"), rows.getString("model"), rows.getBoolean("stream"),
                rows.getBoolean("has_tools"), rows.getBoolean("thinking"), rows.getInt("prompt_chars"),
                rows.getInt("system_chars"), rows.getInt("message_count"), rows.getLong("body_bytes"),
                rows.getString("client_ip"), rows.getString("user_agent"));
        TraceTimes times = new TraceTimes(instant(rows, "received_at"), instant(rows, "queued_at"),
                instant(rows, "acquired_at"), instant(rows, "cli_started_at"), instant(rows, "first_token_at"),
                instant(rows, "cli_done_at"), instant(rows, "completed_at"));
        CliActivity cli = new CliActivity(rows.getInt("cli_event_count"), rows.getString("last_event_type"),
                rows.getInt("output_chars"), rows.getInt("tool_call_count"), rows.getInt("stall_count"));
        String outcome = rows.getString("outcome");
        Usage usage = new Usage(rows.getInt("input_tokens"), rows.getInt("output_tokens"),
                rows.getInt("cache_creation_input_tokens"), rows.getInt("cache_read_input_tokens"));
        TraceSession session = new TraceSession(rows.getString("conversation_id"), rows.getString("cli_session_id"),
                rows.getBoolean("resuming"), rows.getBoolean("resume_failed"));
        return new Trace(request, times, TracePhase.fromWireName(rows.getString("phase")), cli,
                outcome == null ? null : TraceOutcome.fromWireName(outcome), rows.getString("error_type"),
                rows.getString("error_message"), usage, session);
    }

    /** {@code instant} as a TIMESTAMP WITH TIME ZONE parameter, in UTC; null stays null. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String text(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Long millis(Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(null);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime timestamp = rows.getObject(column, OffsetDateTime.class);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
