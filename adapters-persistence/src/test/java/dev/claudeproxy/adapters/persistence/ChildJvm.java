package dev.claudeproxy.adapters.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Java process started by a test, with the test's JDK; its output (stdout and stderr) read line by line. */
final class ChildJvm implements AutoCloseable {

    private static final Optional<String> END = Optional.empty();

    private final Process process;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("child-jvm-output").start(this::readOutput);
    }

    /** Runs {@code mainClass} with {@code arguments} on {@code classpath}. */
    static ChildJvm start(String classpath, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The {@code java} launcher of the JDK running the tests. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Waits (at most {@code timeout}) for a line equal to {@code expected}. */
    void awaitLine(String expected, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.isEmpty()) {
                throw new TimeoutException((line == null ? "no line '" : "the output ended without '") + expected
                        + "' within " + timeout + "; output so far:\n" + String.join("\n", seen));
            }
            seen.add(line.get());
            if (line.get().equals(expected)) {
                return;
            }
        }
    }

    /** Waits (at most {@code timeout}) for the process to end by itself; returns all its output. */
    String awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Optional<String> line = Optional.of(""); line != END; ) {
            line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new TimeoutException(
                        "still running after " + timeout + "; output so far:\n" + String.join("\n", seen));
            }
            line.ifPresent(seen::add);
        }
        if (!process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("output closed but still running after " + timeout);
        }
        return String.join("\n", seen);
    }

    /** Kills the process the hard way (SIGKILL on Unix, as {@code kill -9}) and waits for it to be gone. */
    int kill(Duration timeout) throws InterruptedException, TimeoutException {
        process.destroyForcibly();
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("still alive " + timeout + " after being killed");
        }
        return process.exitValue();
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readOutput() {
        try (BufferedReader reader = process.inputReader()) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lines.add(END);
        }
    }
}
