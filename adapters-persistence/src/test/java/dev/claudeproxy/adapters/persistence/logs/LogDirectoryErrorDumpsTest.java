package dev.claudeproxy.adapters.persistence.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogDirectoryErrorDumpsTest {

    @TempDir
    Path temp;

    @Test
    void aDump_isWrittenUnderErrors_andReadBack() {
        LogDirectory dumps = new LogDirectory(temp.resolve("logs"));

        dumps.write("req_01:a-b.c", "{\"prompt\":\"héllo 😀\"}");

        assertThat(temp.resolve("logs/errors/req_01:a-b.c.json")).exists();
        assertThat(dumps.read("req_01:a-b.c")).contains("{\"prompt\":\"héllo 😀\"}");
    }

    @Test
    void aMissingDump_isEmpty() {
        assertThat(new LogDirectory(temp).read("req_1")).isEmpty();
    }

    @Test
    void writtenTwice_holdsTheSecondAndNoTempFilesRemain() throws IOException {
        LogDirectory dumps = new LogDirectory(temp);

        dumps.write("req_1", "{\"n\":1,\"long\":\"" + "x".repeat(10_000) + "\"}");
        dumps.write("req_1", "{\"n\":2}");

        assertThat(dumps.read("req_1")).contains("{\"n\":2}");
        try (var files = Files.list(temp.resolve("errors"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("req_1.json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "a\\b", "", ".", "..", "...", "/etc/passwd", "x\u0000", "x\n", "é",
            "a b", "%2e%2e"})
    void invalidIds_areRefused(String id) {
        LogDirectory dumps = new LogDirectory(temp);

        assertThatThrownBy(() -> dumps.write(id, "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dumps.read(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooLongAndNullIds_areRefused() {
        LogDirectory dumps = new LogDirectory(temp);

        assertThatThrownBy(() -> dumps.write("a".repeat(200), "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dumps.read(null)).isInstanceOf(IllegalArgumentException.class);
        dumps.write("a".repeat(128), "{}");
        assertThat(dumps.read("a".repeat(128))).contains("{}");
    }

    @Test
    void concurrentWritesOfOneId_alwaysLeaveAFileThatParses() throws Exception {
        LogDirectory dumps = new LogDirectory(temp);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String body = "{\"writer\":" + w + ",\"pad\":\"" + "p".repeat(20_000 * (w + 1)) + "\"}";
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                    dumps.write("req_same", body);
                }
                return null;
            }));
        }
        Future<Integer> reader = pool.submit(() -> {
            start.await();
            int reads = 0;
            while (writing.get()) {
                dumps.read("req_same").ifPresent(JsonParser::parse); // throws if a reader ever sees half a file
                reads++;
            }
            return reads;
        });
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        writing.set(false);
        reader.get();
        pool.shutdown();

        JsonValue last = JsonParser.parse(dumps.read("req_same").orElseThrow());
        assertThat(((JsonValue.JsonObject) last).members()).containsKeys("writer", "pad");
        try (var files = Files.list(temp.resolve("errors"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("req_same.json");
        }
    }
}
