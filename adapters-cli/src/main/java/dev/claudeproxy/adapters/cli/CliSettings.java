package dev.claudeproxy.adapters.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the CLI: the executable (empty when none was found), the working directory, extra
 * environment variables, the CLI's own upstream retry count, how long a finished CLI may take to exit before it
 * is killed, how many processes are started ahead of need, and how many stay alive between a session's turns.
 */
public record CliSettings(Optional<Path> executable, Path workingDirectory, Map<String, String> environment,
                          int maxRetries, Duration exitGrace, WarmSettings warm, LiveSettings live) {

    /** Settings without warm processes or live conversations. */
    public CliSettings(Optional<Path> executable, Path workingDirectory, Map<String, String> environment,
                       int maxRetries, Duration exitGrace) {
        this(executable, workingDirectory, environment, maxRetries, exitGrace, WarmSettings.off());
    }

    /** Settings without live conversations. */
    public CliSettings(Optional<Path> executable, Path workingDirectory, Map<String, String> environment,
                       int maxRetries, Duration exitGrace, WarmSettings warm) {
        this(executable, workingDirectory, environment, maxRetries, exitGrace, warm, LiveSettings.off());
    }

    public CliSettings {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        Objects.requireNonNull(exitGrace, "exitGrace");
        Objects.requireNonNull(warm, "warm");
        Objects.requireNonNull(live, "live");
    }

    /** These settings with {@code warm} processes. */
    public CliSettings withWarm(WarmSettings warm) {
        return new CliSettings(executable, workingDirectory, environment, maxRetries, exitGrace, warm, live);
    }

    /** These settings with {@code live} conversations. */
    public CliSettings withLive(LiveSettings live) {
        return new CliSettings(executable, workingDirectory, environment, maxRetries, exitGrace, warm, live);
    }
}
