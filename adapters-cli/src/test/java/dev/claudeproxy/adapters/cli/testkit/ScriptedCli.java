package dev.claudeproxy.adapters.cli.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The scripted fake {@code claude} executable, installed into a folder of the test's; scenarios are queued per run. */
public final class ScriptedCli {

    private final Path executable;
    private final Path scenarios;
    private final Path records;
    private final AtomicInteger sequence = new AtomicInteger();

    private ScriptedCli(Path dir) throws IOException {
        this.executable = dir.resolve("claude");
        this.scenarios = Files.createDirectories(dir.resolve("scenarios"));
        this.records = Files.createDirectories(dir.resolve("records"));
        try (InputStream script = ScriptedCli.class.getResourceAsStream("/testkit/fake-claude.sh")) {
            Files.copy(script, executable, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        setDefault(Scenario.text("Hello", " from", " the", " fake", " CLI"));
    }

    public static ScriptedCli install(Path dir) {
        try {
            return new ScriptedCli(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path executable() {
        return executable;
    }

    /** The environment the fake needs; add it to the runner's environment. */
    public Map<String, String> environment() {
        return Map.of("FAKE_CLI_SCENARIOS", scenarios.toString(), "FAKE_CLI_RECORD_DIR", records.toString());
    }

    /** The next run plays this scenario (runs take queued scenarios in order). */
    public ScriptedCli enqueue(Scenario scenario) {
        write(scenarios.resolve(String.format("%06d.jsonl", sequence.incrementAndGet())), scenario);
        return this;
    }

    /** What runs play when no scenario is queued. */
    public ScriptedCli setDefault(Scenario scenario) {
        write(scenarios.resolve("default.jsonl"), scenario);
        return this;
    }

    /**
     * Every turn so far, oldest first: the runs that were written a line on stdin (not a {@code --version} run, nor a
     * process started ahead of need that is still waiting or was never used).
     */
    public List<Invocation> invocations() {
        return runs(true);
    }

    /** Every start of the fake so far, oldest first, with or without a turn (e.g. {@code --version}). */
    public List<Invocation> starts() {
        return runs(false);
    }

    private List<Invocation> runs(boolean turnsOnly) {
        try (Stream<Path> dirs = Files.list(records)) {
            List<Invocation> out = new ArrayList<>();
            for (Path d : dirs.filter(d -> !turnsOnly || Files.exists(d.resolve("stdin")))
                    .sorted(Comparator.comparingLong(ScriptedCli::modified)).toList()) {
                out.add(new Invocation(Long.parseLong(d.getFileName().toString()), lines(d.resolve("argv")),
                        lines(d.resolve("stdin")), lines(d.resolve("env")), readChild(d)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Invocation lastInvocation() {
        List<Invocation> all = invocations();
        if (all.isEmpty()) {
            throw new AssertionError("the fake CLI never ran");
        }
        return all.getLast();
    }

    /** One run of the fake: its pid, argv, stdin lines, environment and the pid of the child it started, or -1. */
    public record Invocation(long pid, List<String> argv, List<String> stdin, List<String> env, long childPid) {
    }

    private static long readChild(Path dir) {
        List<String> child = lines(dir.resolve("child"));
        return child.isEmpty() ? -1 : Long.parseLong(child.getFirst().strip());
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Scenario scenario) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, scenario.lines(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
