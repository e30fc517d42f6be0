package dev.claudeproxy.adapters.persistence.logs;

import static dev.claudeproxy.adapters.persistence.logs.JsonLines.parse;
import static dev.claudeproxy.adapters.persistence.logs.JsonLines.record;
import static dev.claudeproxy.adapters.persistence.logs.JsonLines.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyFileHandlerTest {

    @TempDir
    Path temp;

    private static LogRecord at(String instant, String event) {
        LogRecord record = record(Level.INFO, event, Map.of("reqId", "r"));
        record.setInstant(Instant.parse(instant));
        return record;
    }

    @Test
    void createsTheDirectoryAndNamesTheFileByTheRecordsUtcDate() throws IOException {
        Path dir = temp.resolve("a/b/logs");
        try (var closer = new Closer(new DailyFileHandler(dir))) {
            closer.handler.publish(at("2026-03-04T23:59:59.999Z", "one"));

            List<String> lines = Files.readAllLines(dir.resolve("proxy-2026-03-04.log"));
            assertThat(lines).hasSize(1);
            assertThat(text(parse(lines.get(0) + "\n"), "event")).isEqualTo("one");
        }
        assertThat(DailyFileHandler.fileName(LocalDate.of(2026, 1, 2))).isEqualTo("proxy-2026-01-02.log");
    }

    @Test
    void rollsOverWhenTheDateChanges_andALateRecordGoesToItsOwnDay() throws IOException {
        try (var closer = new Closer(new DailyFileHandler(temp))) {
            closer.handler.publish(at("2026-03-04T23:59:59.000Z", "before"));
            closer.handler.publish(at("2026-03-05T00:00:00.000Z", "after"));
            closer.handler.publish(at("2026-03-04T23:59:59.999Z", "late"));
            closer.handler.publish(at("2026-03-05T12:00:00.000Z", "noon"));

            assertThat(events(temp.resolve("proxy-2026-03-04.log"))).containsExactly("before", "late");
            assertThat(events(temp.resolve("proxy-2026-03-05.log"))).containsExactly("after", "noon");
        }
    }

    @Test
    void appendsToAnExistingFile_andEachRecordIsOnDiskAtOnce() throws IOException {
        Files.writeString(temp.resolve("proxy-2026-03-04.log"), "{\"event\":\"earlier\"}\n");
        try (var closer = new Closer(new DailyFileHandler(temp))) {
            closer.handler.publish(at("2026-03-04T10:00:00Z", "now"));

            assertThat(events(temp.resolve("proxy-2026-03-04.log"))).containsExactly("earlier", "now");
        }
    }

    @Test
    void recordsBelowTheLevel_andAfterClose_areDropped() throws IOException {
        DailyFileHandler handler = new DailyFileHandler(temp);
        handler.setLevel(Level.WARNING);
        handler.publish(at("2026-03-04T10:00:00Z", "info"));
        LogRecord warning = at("2026-03-04T10:00:01Z", "warning");
        warning.setLevel(Level.WARNING);
        handler.publish(warning);
        handler.close();
        handler.publish(warning);

        assertThat(events(temp.resolve("proxy-2026-03-04.log"))).containsExactly("warning");
    }

    @Test
    void concurrentRecords_eachStayOnTheirOwnLine() throws Exception {
        try (var closer = new Closer(new DailyFileHandler(temp))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 400; i++) {
                String event = "e" + i;
                pool.submit(() -> closer.handler.publish(at("2026-03-04T10:00:00Z", event)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(events(temp.resolve("proxy-2026-03-04.log"))).hasSize(400).doesNotHaveDuplicates();
        }
    }

    private static List<String> events(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> text(parse(line + "\n"), "event")).toList();
    }

    private record Closer(DailyFileHandler handler) implements AutoCloseable {
        @Override
        public void close() {
            handler.close();
        }
    }
}
