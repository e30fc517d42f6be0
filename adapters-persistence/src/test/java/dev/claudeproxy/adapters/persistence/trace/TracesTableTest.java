package dev.claudeproxy.adapters.persistence.trace;

import static dev.claudeproxy.adapters.persistence.trace.Traces.active;
import static dev.claudeproxy.adapters.persistence.trace.Traces.completed;
import static dev.claudeproxy.adapters.persistence.trace.Traces.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.persistence.Database;
import dev.claudeproxy.adapters.persistence.DatabaseSettings;
import dev.claudeproxy.adapters.persistence.Sql;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code traces} table as a user sees it in SQL: derived durations, NULLs, spellings, comments, indexes. */
class TracesTableTest {

    @TempDir
    Path directory;

    private Database database;
    private DataSource dataSource;
    private JdbcTraceRepository traces;

    @BeforeEach
    void openDatabase() {
        database = Database.open(DatabaseSettings.embeddedIn(directory));
        dataSource = database.dataSource();
        traces = new JdbcTraceRepository(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theMillisecondColumns_holdTheDurations_andNullWhereAnEndIsUnknown() throws Exception {
        traces.save(completed("a-completed", 0));
        traces.save(failed("b-failed", 0));
        traces.save(active("c-active", 0));

        assertThat(Sql.rows(dataSource, """
                SELECT request_id, queue_wait_ms, ttft_ms, cli_duration_ms, total_duration_ms
                FROM traces ORDER BY request_id"""))
                .containsExactly(
                        List.of("a-completed", 249L, 1200L, 4200L, 4600L),
                        Arrays.asList("b-failed", 0L, null, 0L, 0L),
                        Arrays.asList("c-active", null, null, null, null));
    }

    @Test
    void theMillisecondColumns_agreeWithTheTimestampsTheyComeFrom() throws Exception {
        traces.save(completed("req-1", 0));

        assertThat(Sql.rows(dataSource, """
                SELECT total_duration_ms = DATEDIFF(MILLISECOND, received_at, completed_at),
                       ttft_ms = DATEDIFF(MILLISECOND, received_at, first_token_at)
                FROM traces"""))
                .containsExactly(List.of(true, true));
    }

    @Test
    void enumsAreSpelledAsInTheLogs_andEmptyTextsAreNull() throws Exception {
        traces.save(failed("failed", 0));
        traces.save(active("active", 1));

        assertThat(Sql.rows(dataSource, """
                SELECT request_id, phase, status, outcome, error_type, user_agent, cli_session_id, conversation_id
                FROM traces ORDER BY received_at"""))
                .containsExactly(
                        Arrays.asList("failed", "error", "error", "cli_error", "api_error", "claude-cli/1.0 (test)",
                                null, "conv-failed"),
                        Arrays.asList("active", "received", "active", null, null, null, null, null));
    }

    @Test
    void theTableAndEachColumn_areExplainedInInformationSchema() throws Exception {
        assertThat(Sql.rows(dataSource, """
                SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'TRACES'"""))
                .singleElement()
                .satisfies(row -> assertThat((String) row.getFirst()).contains("Request traces"));
        assertThat(Sql.rows(dataSource, """
                SELECT COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'TRACES'"""))
                .hasSize(42)
                .allSatisfy(row -> assertThat((String) row.get(1)).as("remarks of %s", row.getFirst()).isNotBlank());
    }

    @Test
    void theTextColumns_areAsLongAsTheRepositoryCutsTextsTo() throws Exception {
        Map<String, Integer> sizes = Map.ofEntries(Map.entry("REQUEST_ID", TraceColumns.REQUEST_ID),
                Map.entry("ROUTE", TraceColumns.ROUTE), Map.entry("REQUESTED_MODEL", TraceColumns.MODEL),
                Map.entry("MODEL", TraceColumns.MODEL), Map.entry("CLIENT_IP", TraceColumns.CLIENT_IP),
                Map.entry("USER_AGENT", TraceColumns.USER_AGENT), Map.entry("PHASE", 32), Map.entry("STATUS", 16),
                Map.entry("OUTCOME", 32), Map.entry("ERROR_TYPE", TraceColumns.ERROR_TYPE),
                Map.entry("ERROR_MESSAGE", TraceColumns.ERROR_MESSAGE),
                Map.entry("LAST_EVENT_TYPE", TraceColumns.LAST_EVENT_TYPE),
                Map.entry("CONVERSATION_ID", TraceColumns.CONVERSATION_ID),
                Map.entry("CLI_SESSION_ID", TraceColumns.CLI_SESSION_ID));

        List<List<Object>> columns = Sql.rows(dataSource, """
                SELECT COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'TRACES' AND DATA_TYPE = 'CHARACTER VARYING'""");

        assertThat(columns).hasSize(sizes.size())
                .allSatisfy(row -> assertThat(row.get(1)).as("length of %s", row.getFirst())
                        .isEqualTo((long) sizes.get((String) row.getFirst())));
    }

    @Test
    void receiptTime_statusWithReceiptTime_andConversationId_areIndexed() throws Exception {
        assertThat(Sql.rows(dataSource, """
                SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'TRACES' AND INDEX_NAME LIKE 'TRACES_%'
                ORDER BY INDEX_NAME, ORDINAL_POSITION"""))
                .containsExactly(
                        List.of("TRACES_CONVERSATION_ID", "CONVERSATION_ID"),
                        List.of("TRACES_RECEIVED_AT", "RECEIVED_AT"),
                        List.of("TRACES_STATUS_RECEIVED_AT", "STATUS"),
                        List.of("TRACES_STATUS_RECEIVED_AT", "RECEIVED_AT"));
    }
}
