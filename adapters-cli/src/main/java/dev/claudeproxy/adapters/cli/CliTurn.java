package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running CLI process: writes the turn to stdin, decodes stdout on its own thread, ends at the
 * {@code result} line (then closes stdin so the process exits, and kills it if it lingers), and kills the
 * whole process tree on cancel.
 */
final class CliTurn implements ClaudeTurn {

    private static final System.Logger LOG = System.getLogger(CliTurn.class.getName());
    private static final Duration STDERR_DRAIN = Duration.ofSeconds(1);

    private final Process process;
    private final StreamJsonDecoder decoder;
    private final Duration exitGrace;
    private final BlockingQueue<TurnEvent> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final TailBuffer stderr = new TailBuffer(4096);
    private volatile Thread stderrReader;

    private CliTurn(Process process, StreamJsonDecoder decoder, Duration exitGrace) {
        this.process = process;
        this.decoder = decoder;
        this.exitGrace = exitGrace;
    }

    static CliTurn start(Process process, StreamJsonDecoder decoder, List<String> stdinLines, Duration exitGrace) {
        CliTurn turn = new CliTurn(process, decoder, exitGrace);
        // platform threads: pipe reads block in the kernel, which would pin (or make the JDK compensate for)
        // a virtual thread's carrier on every line; three threads per run at a handful of runs are cheap
        turn.stderrReader = Thread.ofPlatform().daemon().name("cli-stderr-" + process.pid())
                .start(turn::readStderr);
        Thread.ofPlatform().daemon().name("cli-stdout-" + process.pid()).start(turn::readStdout);
        Thread.ofPlatform().daemon().name("cli-stdin-" + process.pid()).start(() -> turn.writeStdin(stdinLines));
        return turn;
    }

    /** A turn that failed before any process ran. */
    static ClaudeTurn failed(TurnEvent.Failed failure) {
        return new FailedTurn(failure);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public TurnEvent next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            ProcessTree.kill(process.toHandle());
            end(TurnEvent.Failed.of(FailureKind.CANCELLED, "The Claude Code CLI run was cancelled."));
        }
    }

    @Override
    public void close() {
        if (!ended.get()) {
            cancel();
        }
    }

    private void writeStdin(List<String> lines) {
        try {
            OutputStream in = process.getOutputStream();
            for (String line : lines) {
                in.write(line.getBytes(StandardCharsets.UTF_8));
                in.write('\n');
            }
            in.flush();
        } catch (IOException e) {
            // the process died before reading its turn; the stdout reader reports why
            LOG.log(System.Logger.Level.DEBUG, "writing to the CLI's stdin failed: {0}", e.getMessage());
        }
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (ended.get()) {
                    continue;
                }
                for (TurnEvent event : decoder.decode(line)) {
                    if (event.isTerminal()) {
                        end(event);
                        break;
                    }
                    events.add(event);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "reading the CLI's stdout failed: {0}", e.getMessage());
        }
        if (!ended.get()) {
            end(crash());
        }
    }

    private TurnEvent.Failed crash() {
        int code;
        try {
            code = process.waitFor(exitGrace.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
            // the process is gone, but its last stderr lines may still be in the pipe: let the reader finish
            stderrReader.join(STDERR_DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        String err = stderr.toString();
        return TurnEvent.Failed.of(FailureKind.CLI_CRASHED, "Claude Code CLI exited with code " + code
                + " without a result" + (err.isEmpty() ? "." : ": " + err));
    }

    private void readStderr() {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                stderr.append(line);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "reading the CLI's stderr failed: {0}", e.getMessage());
        }
    }

    /** Delivers the terminal event once, then lets the process exit on its own, or kills it after a grace. */
    private void end(TurnEvent terminal) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        events.add(terminal);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the CLI's stdin failed: {0}", e.getMessage());
        }
        process.onExit()
                .orTimeout(exitGrace.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(timeout -> {
                    ProcessTree.kill(process.toHandle());
                    return process;
                });
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
