package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.CliTurns;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs turns to their end and waits for processes to go, for runner tests. */
public final class Turns {

    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private Turns() {
    }

    public static TurnRequest request(String text, boolean partial) {
        return new TurnRequest(ModelTier.SONNET, Optional.empty(), List.of(new ContentBlock.Text(text)),
                Optional.empty(), Optional.empty(), partial, false);
    }

    /** A turn of a persisted session, with a system prompt; resuming {@code session} if given. */
    public static TurnRequest persisted(String text, Optional<String> session) {
        return new TurnRequest(ModelTier.SONNET, Optional.of("You are terse."), List.of(new ContentBlock.Text(text)),
                Optional.empty(), session, true, true);
    }

    /** A turn run to its end, with the process that ran it and that process's argv (seen at its first event). */
    public record Watched(List<TurnEvent> events, long pid, List<String> argv) {

        /** The CLI session the turn ran in. */
        public String session() {
            return ((TurnEvent.SessionStarted) events.getFirst()).sessionId();
        }

        public TurnEvent last() {
            return events.getLast();
        }
    }

    /** Runs the turn to its end, noting the process that ran it and that process's argv (from {@code argvOf}). */
    public static Watched runWatching(ClaudeRunner runner, TurnRequest request, Function<Long, List<String>> argvOf)
            throws InterruptedException {
        List<TurnEvent> events = new ArrayList<>();
        long pid = -1;
        List<String> argv = List.of();
        try (ClaudeTurn turn = runner.start(request)) {
            while (true) {
                TurnEvent e = turn.next(EVENT_TIMEOUT);
                assertThat(e).as("next event after " + events).isNotNull();
                if (events.isEmpty()) {
                    pid = CliTurns.pid(turn); // the turn began: a parked process gone by now was replaced already
                    argv = argvOf.apply(pid);
                }
                events.add(e);
                if (e.isTerminal()) {
                    return new Watched(events, pid, argv);
                }
            }
        }
    }

    /** A live process's argv from Linux's /proc (ProcessHandle.Info leaves the arguments out for scripts and links). */
    static List<String> argv(long pid) {
        try {
            return List.of(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\u0000"));
        } catch (IOException e) {
            throw new UncheckedIOException("no argv for process " + pid + " (gone?)", e);
        }
    }

    /** Waits until {@code condition} holds, failing after the timeout. */
    public static void await(Supplier<Boolean> condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Every event of the turn, up to and including its terminal event. */
    public static List<TurnEvent> runToEnd(ClaudeRunner runner, TurnRequest request) throws InterruptedException {
        List<TurnEvent> events = new ArrayList<>();
        try (ClaudeTurn turn = runner.start(request)) {
            while (true) {
                TurnEvent e = turn.next(EVENT_TIMEOUT);
                assertThat(e).as("next event after " + events).isNotNull();
                events.add(e);
                if (e.isTerminal()) {
                    return events;
                }
            }
        }
    }

    /** Waits until none of the given processes is alive, failing after the timeout. */
    public static void awaitGone(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still alive after " + timeout + ": "
                        + processes.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " "
                        + p.info().commandLine().orElse("?")).toList());
            }
            Thread.sleep(20);
        }
    }

    /** The live processes with these ids, and every process they started. */
    public static List<ProcessHandle> withDescendants(List<Long> pids) {
        List<ProcessHandle> all = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> {
                all.add(p);
                all.addAll(p.descendants().toList());
            });
        }
        return all;
    }

    /** Waits until this JVM has no child processes left. */
    public static void awaitNoChildren(Duration timeout) throws InterruptedException {
        awaitGone(ProcessHandle.current().descendants().toList(), timeout);
    }
}
