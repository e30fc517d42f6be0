package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the claude executable: a configured path first, else the PATH. */
class ExecutableLocatorTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredPath_isUsedWhenItIsAnExecutableFile() throws IOException {
        Path exe = executable(dir.resolve("my-claude"));

        assertThat(ExecutableLocator.locate(exe.toString(), "")).contains(exe);
    }

    @Test
    void aConfiguredPathThatIsMissingOrNotExecutable_findsNothing() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "x");

        assertThat(ExecutableLocator.locate(dir.resolve("missing").toString(), "")).isEmpty();
        assertThat(ExecutableLocator.locate(plain.toString(), "")).isEmpty();
    }

    @Test
    void withoutAConfiguredPath_claudeIsLookedUpOnThePath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path exe = executable(bin.resolve("claude"));

        assertThat(ExecutableLocator.locate(null, "/nonexistent:" + bin)).contains(exe);
        assertThat(ExecutableLocator.locate("", "/nonexistent")).isEmpty();
        assertThat(ExecutableLocator.locate(null, null)).isEmpty();
    }

    private static Path executable(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
