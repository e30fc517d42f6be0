package dev.claudeproxy.adapters.persistence.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.out.LogFiles.LogTail;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogDirectoryLogFilesTest {

    @TempDir
    Path temp;

    @Test
    void names_areTheDailyLogFilesOnly_newestFirst() throws IOException {
        for (String name : List.of("proxy-2026-01-02.log", "proxy-2025-12-31.log", "proxy-2026-01-10.log",
                "proxy-2026-1-1.log", "foo.log", "proxy-2026-01-03.log.1", "proxy-2026-01-04.txt")) {
            Files.writeString(temp.resolve(name), "x\n");
        }
        Files.createDirectory(temp.resolve("proxy-2026-01-05.log"));
        Files.createDirectory(temp.resolve("errors"));

        assertThat(new LogDirectory(temp).names())
                .containsExactly("proxy-2026-01-10.log", "proxy-2026-01-02.log", "proxy-2025-12-31.log");
    }

    @Test
    void names_ofAMissingDirectory_isEmpty() {
        assertThat(new LogDirectory(temp.resolve("nowhere")).names()).isEmpty();
    }

    @Test
    void location_isTheAbsoluteDirectory() {
        assertThat(new LogDirectory(temp).location()).isEqualTo(temp.toAbsolutePath().normalize().toString());
    }

    @Test
    void tail_givesTheTotalAndTheLastLines_oldestFirst() throws IOException {
        write("proxy-2026-01-02.log", 10);

        assertThat(new LogDirectory(temp).tail("proxy-2026-01-02.log", 3))
                .contains(new LogTail("proxy-2026-01-02.log", 10, List.of("line 8", "line 9", "line 10")));
    }

    @Test
    void tail_ofMoreLinesThanTheFileHas_givesThemAll() throws IOException {
        write("proxy-2026-01-02.log", 2);

        assertThat(new LogDirectory(temp).tail("proxy-2026-01-02.log", Integer.MAX_VALUE))
                .contains(new LogTail("proxy-2026-01-02.log", 2, List.of("line 1", "line 2")));
    }

    @Test
    void tail_ofAnEmptyFile_hasNoLines() throws IOException {
        Files.writeString(temp.resolve("proxy-2026-01-02.log"), "");

        assertThat(new LogDirectory(temp).tail("proxy-2026-01-02.log", 5))
                .contains(new LogTail("proxy-2026-01-02.log", 0, List.of()));
    }

    @Test
    void tail_ofALargeFile_keepsOnlyTheLastLines() throws IOException {
        write("proxy-2026-01-02.log", 200_000);

        LogTail tail = new LogDirectory(temp).tail("proxy-2026-01-02.log", 2).orElseThrow();

        assertThat(tail.total()).isEqualTo(200_000);
        assertThat(tail.lines()).containsExactly("line 199999", "line 200000");
    }

    @Test
    void tail_ofAMissingFileOrDirectory_isEmpty() throws IOException {
        assertThat(new LogDirectory(temp).tail("proxy-2026-01-02.log", 5)).isEmpty();
        assertThat(new LogDirectory(temp.resolve("nowhere")).tail("proxy-2026-01-02.log", 5)).isEmpty();
        Files.createDirectory(temp.resolve("proxy-2026-01-03.log"));
        assertThat(new LogDirectory(temp).tail("proxy-2026-01-03.log", 5)).isEmpty();
    }

    @Test
    void tail_needsAPositiveLineCount() {
        assertThatThrownBy(() -> new LogDirectory(temp).tail("proxy-2026-01-02.log", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "proxy-2026-01-01.log/../../x", "..%2Fproxy-2026-01-01.log",
            "/etc/passwd", "/tmp/proxy-2026-01-01.log", "proxy-2026-01-01.log\u0000", "a/proxy-2026-01-01.log",
            "a\\proxy-2026-01-01.log", "proxy-2026-01-01.log/", "./proxy-2026-01-01.log", "", " proxy-2026-01-01.log",
            "proxy-2026-01-01.log\n", "proxy-２０２６-01-01.log", "proxy-2026-1-1.log", "foo.log", "errors"})
    void tail_refusesAnythingButADailyLogName(String name) throws IOException {
        write("proxy-2026-01-01.log", 1);
        LogDirectory logs = new LogDirectory(temp.resolve("sub"));
        Files.createDirectories(temp.resolve("sub"));

        assertThatThrownBy(() -> logs.tail(name, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tail_refusesNull() {
        assertThatThrownBy(() -> new LogDirectory(temp).tail(null, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private void write(String name, int lines) throws IOException {
        try (Writer out = Files.newBufferedWriter(temp.resolve(name))) {
            for (int i : IntStream.rangeClosed(1, lines).toArray()) {
                out.write("line " + i + "\n");
            }
        }
    }
}
