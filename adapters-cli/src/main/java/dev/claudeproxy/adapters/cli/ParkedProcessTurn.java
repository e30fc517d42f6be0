package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A turn written to a parked CLI process that, should the process turn out to have died before the turn began
 * (it died between the check and the write), runs again in a new process resuming the session.
 */
final class ParkedProcessTurn implements ClaudeTurn {

    private static final System.Logger LOG = System.getLogger(ParkedProcessTurn.class.getName());

    private final Supplier<ClaudeTurn> resumeElsewhere;
    private ClaudeTurn current; // guarded by this
    private boolean began; // read and written by the reading thread only
    private boolean cancelled; // guarded by this

    ParkedProcessTurn(ClaudeTurn onParkedProcess, Supplier<ClaudeTurn> resumeElsewhere) {
        this.current = onParkedProcess;
        this.resumeElsewhere = resumeElsewhere;
    }

    @Override
    public TurnEvent next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        TurnEvent event = current().next(timeout);
        if (!began && event instanceof TurnEvent.Failed failed && failed.kind() == FailureKind.CLI_CRASHED
                && fallBack(failed)) {
            began = true;
            return current().next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        began |= event != null;
        return event;
    }

    private synchronized boolean fallBack(TurnEvent.Failed failed) {
        if (cancelled) {
            return false;
        }
        LOG.log(System.Logger.Level.INFO, "a parked CLI process was gone before its turn began ({0}): resuming the "
                + "session in a new one", failed.message());
        current = resumeElsewhere.get();
        return true;
    }

    /** The process running the turn now: the parked one, or the one it was resumed in. */
    long pid() {
        return current() instanceof CliTurn turn ? turn.pid() : -1;
    }

    private synchronized ClaudeTurn current() {
        return current;
    }

    @Override
    public void cancel() {
        ClaudeTurn turn;
        synchronized (this) {
            cancelled = true;
            turn = current;
        }
        turn.cancel();
    }

    @Override
    public void close() {
        current().close();
    }
}
