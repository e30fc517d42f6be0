package dev.claudeproxy.adapters.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A running CLI process whose stdout and stderr are read for as long as it lives: stdout lines go to the turn it
 * runs now, which may be the second or tenth turn of the same process.
 */
final class CliProcess {

    /** Takes the stdout lines of the turn a process runs now. */
    interface Listener {
        void line(String line);

        /** Stdout ended: the process is gone or going. */
        void closed();
    }

    private static final System.Logger LOG = System.getLogger(CliProcess.class.getName());

    private final Process process;
    private final TailBuffer stderr = new TailBuffer(4096);
    private volatile Thread stderrReader;
    private volatile Listener listener;
    private boolean stdoutEnded; // guarded by this

    private CliProcess(Process process) {
        this.process = process;
    }

    static CliProcess start(Process process) {
        CliProcess cli = new CliProcess(process);
        // platform threads: pipe reads block in the kernel, which would pin (or make the JDK compensate for)
        // a virtual thread's carrier on every line; a few threads per process at a handful of processes are cheap
        cli.stderrReader = Thread.ofPlatform().daemon().name("cli-stderr-" + process.pid()).start(cli::readStderr);
        Thread.ofPlatform().daemon().name("cli-stdout-" + process.pid()).start(cli::readStdout);
        return cli;
    }

    /** From now on stdout goes to {@code next}; if stdout already ended, {@code next} is told so at once. */
    void attach(Listener next) {
        boolean ended;
        synchronized (this) {
            listener = next;
            ended = stdoutEnded;
        }
        if (ended) {
            Thread.ofPlatform().daemon().name("cli-ended-" + process.pid()).start(next::closed);
        }
    }

    /** Writes a turn's lines to stdin on a thread of its own (a large prompt may fill the pipe), leaving it open. */
    void write(List<String> lines) {
        Thread.ofPlatform().daemon().name("cli-stdin-" + process.pid()).start(() -> {
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
        });
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> exited() {
        return process.onExit();
    }

    /** Closes stdin so the CLI exits on its own, and kills it with its children if it is still there after a grace. */
    void retire(Duration exitGrace) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the CLI's stdin failed: {0}", e.getMessage());
        }
        process.onExit()
                .orTimeout(exitGrace.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(timeout -> {
                    kill();
                    return process;
                });
    }

    /** Kills the process and every process it started, at once. */
    void kill() {
        ProcessTree.kill(process.toHandle());
    }

    /** The exit code once the process is gone, waiting at most {@code wait}; -1 if it is still running. */
    int exitCode(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** The last stderr lines, after letting the reader drain what is still in the pipe for at most {@code drain}. */
    String stderrTail(Duration drain) {
        try {
            stderrReader.join(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stderr.toString();
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Listener current = listener;
                if (current != null) {
                    current.line(line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "reading the CLI's stdout failed: {0}", e.getMessage());
        }
        Listener last;
        synchronized (this) {
            stdoutEnded = true;
            last = listener;
        }
        if (last != null) {
            last.closed();
        }
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
}
