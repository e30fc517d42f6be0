package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.HealthProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code cli} health probe: the CLI answers {@code --version} in time (else it is killed); the answer is kept
 * for a while so that probes do not each start a CLI.
 */
public final class CliVersionProbe implements HealthProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(60);
    private static final int MAX_DETAIL = 200;

    private final CliSettings settings;
    private final Duration timeout;
    private final Duration cacheFor;
    // a lock, not synchronized: health requests run on virtual threads, and a check may wait for the CLI
    private final ReentrantLock lock = new ReentrantLock();
    private Result last;
    private long lastAt;

    public CliVersionProbe(CliSettings settings) {
        this(settings, DEFAULT_TIMEOUT, DEFAULT_CACHE);
    }

    /** @param cacheFor how long an answer is reused; zero asks the CLI every time */
    public CliVersionProbe(CliSettings settings, Duration timeout, Duration cacheFor) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor");
        if (timeout.isNegative() || timeout.isZero() || cacheFor.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive and cacheFor not negative");
        }
    }

    @Override
    public String name() {
        return "cli";
    }

    @Override
    public Result check() {
        lock.lock();
        try {
            if (last == null || System.nanoTime() - lastAt >= cacheFor.toNanos()) {
                last = askVersion();
                lastAt = System.nanoTime();
            }
            return last;
        } finally {
            lock.unlock();
        }
    }

    private Result askVersion() {
        if (settings.executable().isEmpty()) {
            return Result.down("Claude Code CLI not found: set CLAUDE_PROXY_CLAUDE_PATH or put `claude` on the PATH.");
        }
        Path output = null;
        Process process = null;
        try {
            // a file, not a pipe: nothing to block on if the CLI, or a child of it, never closes its output
            output = Files.createTempFile("claude-version", ".txt");
            ProcessBuilder builder = new ProcessBuilder(settings.executable().get().toString(), "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            CliEnvironment.apply(builder.environment(), settings);
            process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Result.down("`claude --version` did not answer within " + timeout.toMillis() + " ms");
            }
            String answer = firstLine(output);
            return process.exitValue() == 0 ? Result.up(answer)
                    : Result.down("`claude --version` exited with " + process.exitValue() + ": " + answer);
        } catch (IOException e) {
            return Result.down("`claude --version` could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.down("interrupted while waiting for `claude --version`");
        } finally {
            reap(process);
            delete(output);
        }
    }

    private static void reap(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessTree.kill(process.toHandle());
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(Path output) throws IOException {
        String line = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(no output)");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }
}
