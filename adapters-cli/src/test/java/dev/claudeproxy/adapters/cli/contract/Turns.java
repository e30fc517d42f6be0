package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs turns to their end and waits for processes to go, for runner tests. */
public final class Turns {

    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private Turns() {
    }

    public static TurnRequest request(String text, boolean partial) {
        return new TurnRequest(ModelTier.SONNET, Optional.empty(), List.of(new ContentBlock.Text(text)),
                Optional.empty(), Optional.empty(), partial, false);
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

    /** Waits until this JVM has no child processes left. */
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

    public static void awaitNoChildren(Duration timeout) throws InterruptedException {
        awaitGone(ProcessHandle.current().descendants().toList(), timeout);
    }
}
