package dev.claudeproxy.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.persistence.Database;
import dev.claudeproxy.adapters.persistence.DatabaseSettings;
import dev.claudeproxy.adapters.persistence.session.JdbcSessionRepository;
import dev.claudeproxy.adapters.persistence.trace.JdbcTraceRepository;
import dev.claudeproxy.domain.session.Session;
import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceOutcome;
import dev.claudeproxy.domain.trace.TracePhase;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;
import dev.claudeproxy.domain.trace.TraceTimes;
import dev.claudeproxy.domain.turn.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every SQL query the README shows runs against the real schema and finds what it promises. */
class ReadmeSqlTest {

    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void everyReadmeQuery_runsAgainstTheSchema_andTheTraceQueriesFindRecentRequests() throws Exception {
        List<String> queries = readmeQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
        try (Database database = Database.open(DatabaseSettings.embeddedIn(dir))) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            new JdbcSessionRepository(database.dataSource()).save(new Session("my-conversation", "cli-1",
                    "claude-sonnet-4-6", 3, now, now, 1, 1));
            JdbcTraceRepository traces = new JdbcTraceRepository(database.dataSource());
            traces.save(trace("req_slow", now.minusSeconds(60), 4_000, TraceOutcome.COMPLETED));
            traces.save(trace("req_failed", now.minusSeconds(30), 200, TraceOutcome.CLI_ERROR));
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String query : queries) {
                    try (ResultSet rows = s.executeQuery(query)) {
                        List<String> first = new ArrayList<>();
                        while (rows.next()) {
                            first.add(rows.getString(1));
                        }
                        if (query.contains("ORDER BY total_duration_ms DESC")) {
                            assertThat(first).as(query).startsWith("req_slow");
                        }
                        if (query.contains("status = 'error'")) {
                            assertThat(first).as(query).containsExactly("cli_error");
                        }
                        if (query.contains("conversation_id = 'my-conversation'") && query.contains("traces")) {
                            assertThat(first).as(query).containsExactly("req_slow", "req_failed");
                        }
                    } catch (SQLException e) {
                        throw new AssertionError("README query fails: " + query, e);
                    }
                }
            }
        }
    }

    private static List<String> readmeQueries() throws IOException {
        Path readme = Path.of(System.getProperty("claudeproxy.repoRoot", "..")).resolve("README.md");
        Matcher blocks = SQL_BLOCK.matcher(Files.readString(readme));
        List<String> queries = new ArrayList<>();
        while (blocks.find()) {
            StringBuilder statement = new StringBuilder();
            for (String line : blocks.group(1).split("\n")) {
                if (line.startsWith("--") || line.isBlank()) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String sql = statement.toString().strip();
                    queries.add(sql.substring(0, sql.length() - 1));
                    statement.setLength(0);
                }
            }
        }
        return queries;
    }

    private static Trace trace(String id, Instant received, long millis, TraceOutcome outcome) {
        TraceRequest request = new TraceRequest(id, "/v1/messages", "claude-sonnet-4-6", "sonnet", false, false,
                false, 10, 0, 3, 100, "127.0.0.1", "test");
        TraceTimes times = new TraceTimes(received, received, received.plusMillis(5), received.plusMillis(6),
                received.plusMillis(millis / 2), received.plusMillis(millis - 1), received.plusMillis(millis));
        boolean ok = outcome == TraceOutcome.COMPLETED;
        return new Trace(request, times, ok ? TracePhase.COMPLETED : TracePhase.ERROR, new CliActivity(3, "result",
                5, 0, 0), outcome, ok ? "" : "api_error", ok ? "" : "the CLI said no", Usage.of(1, 2),
                new TraceSession("my-conversation", "cli-1", true, false));
    }
}
