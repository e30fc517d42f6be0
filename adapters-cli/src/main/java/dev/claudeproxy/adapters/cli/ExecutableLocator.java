package dev.claudeproxy.adapters.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the claude executable: a configured path, else {@code claude} on the PATH. */
public final class ExecutableLocator {

    private ExecutableLocator() {
    }

    /**
     * @param configured the configured path or command name, or null/blank for the default
     * @param pathVariable the PATH environment variable
     */
    public static Optional<Path> locate(String configured, String pathVariable) {
        String name = configured == null || configured.isBlank() ? "claude" : configured.strip();
        if (name.contains(File.separator)) {
            Path p = Path.of(name).toAbsolutePath();
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
