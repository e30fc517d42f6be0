package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One turn on a CLI process: writes the turn to stdin, decodes the process's stdout into events, ends at the
 * {@code result} line (then either its keeper keeps the process for the session's next turn, or stdin is closed so
 * the process exits, and it is killed if it lingers), and kills the whole process tree on cancel.
 */
final class CliTurn implements ClaudeTurn, CliProcess.Listener {

    private static final Duration STDERR_DRAIN = Duration.ofSeconds(1);

    private final CliProcess process;
    private final StreamJsonDecoder decoder;
    private final ProcessKeeper keeper;
    private final Duration exitGrace;
    private final BlockingQueue<TurnEvent> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private volatile boolean kept;

    private CliTurn(CliProcess process, StreamJsonDecoder decoder, ProcessKeeper keeper, Duration exitGrace) {
        this.process = process;
        this.decoder = decoder;
        this.keeper = keeper;
        this.exitGrace = exitGrace;
    }

    /** Starts a turn on {@code process}: its stdout goes to this turn from now on, then the lines are written. */
    static CliTurn start(CliProcess process, StreamJsonDecoder decoder, List<String> stdinLines,
                         ProcessKeeper keeper, Duration exitGrace) {
        CliTurn turn = new CliTurn(process, decoder, keeper, exitGrace);
        process.exited().thenRun(() -> turn.released.complete(null));
        process.attach(turn);
        process.write(stdinLines);
        return turn;
    }

    /** A turn that failed before any process ran. */
    static ClaudeTurn failed(TurnEvent.Failed failure) {
        return new FailedTurn(failure);
    }

    long pid() {
        return process.pid();
    }

    /** Completes when this turn no longer holds its process: the process exited, or was kept for the next turn. */
    CompletableFuture<Void> released() {
        return released;
    }

    @Override
    public TurnEvent next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void cancel() {
        if (!kept && cancelled.compareAndSet(false, true)) {
            process.kill();
            end(TurnEvent.Failed.of(FailureKind.CANCELLED, "The Claude Code CLI run was cancelled."));
        }
    }

    @Override
    public void close() {
        if (!ended.get()) {
            cancel();
        }
    }

    @Override
    public void line(String line) {
        if (ended.get()) {
            return;
        }
        for (TurnEvent event : decoder.decode(line)) {
            if (event instanceof TurnEvent.SessionStarted started) {
                keeper.sessionStarted(started.sessionId());
            }
            if (event.isTerminal()) {
                end(event);
                return;
            }
            events.add(event);
        }
    }

    @Override
    public void closed() {
        if (!ended.get()) {
            end(crash());
        }
    }

    private TurnEvent.Failed crash() {
        int code;
        try {
            code = process.exitCode(exitGrace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        // the process is gone, but its last stderr lines may still be in the pipe: let the reader finish
        String err = process.stderrTail(STDERR_DRAIN);
        return TurnEvent.Failed.of(FailureKind.CLI_CRASHED, "Claude Code CLI exited with code " + code
                + " without a result" + (err.isEmpty() ? "." : ": " + err));
    }

    /**
     * Ends the turn once: a completed turn's process may be kept (before the client hears of the end, so the next
     * turn finds it); otherwise the process is left to exit, or killed after a grace.
     */
    private void end(TurnEvent terminal) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        boolean completed = terminal instanceof TurnEvent.Completed && !cancelled.get();
        if (keeper.keep(process, completed)) {
            kept = true;
            released.complete(null);
            events.add(terminal);
        } else {
            events.add(terminal);
            process.retire(exitGrace);
        }
    }

    /** A turn whose only event is the failure that kept it from starting. */
    private record FailedTurn(TurnEvent.Failed failure) implements ClaudeTurn {
        @Override
        public TurnEvent next(Duration timeout) {
            return failure;
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }
    }
}
