package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.TurnRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * CLI processes parked after a completed turn of a persisted session, by CLI session id, so that session's next turn
 * is written to the same process instead of a new one started with {@code --resume}. Only a live process fixed to
 * what the request asks for is handed out; parked ones are bounded in number (the least recently parked goes
 * first), ended when idle too long or when their session's transcript is deleted, dropped when they die, and killed
 * on close.
 */
final class LiveConversations implements AutoCloseable {

    private record Parked(CliProcess process, LiveKey key, ScheduledFuture<?> expiry) {
    }

    private final LiveSettings settings;
    private final Duration exitGrace;
    private final Map<String, Parked> parked = new LinkedHashMap<>(); // least recently parked first
    private final SessionOverlaps running = new SessionOverlaps();
    private final ScheduledThreadPoolExecutor reaper = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("cli-live-reaper").factory());
    private long hits;
    private long misses;
    private boolean closed;

    LiveConversations(LiveSettings settings, Duration exitGrace) {
        this.settings = settings;
        this.exitGrace = exitGrace;
        reaper.setRemoveOnCancelPolicy(true);
    }

    /** The keeper for a turn of {@code request}, which must persist its session. */
    ProcessKeeper keeperFor(TurnRequest request) {
        return new LiveTurnKeeper(this, LiveKey.of(request), request.resumeSessionId());
    }

    /**
     * The session's parked process if it is alive and fixed to {@code key}; either way the session has no parked
     * process afterwards (one that does not fit is ended: the turn about to run elsewhere would leave it behind).
     */
    Optional<CliProcess> take(String sessionId, LiveKey key) {
        Parked found;
        synchronized (this) {
            found = parked.remove(sessionId);
            if (found != null) {
                found.expiry().cancel(false);
                if (found.key().equals(key) && found.process().isAlive()) {
                    hits++;
                    return Optional.of(found.process());
                }
            }
            misses++;
        }
        if (found != null) {
            found.process().retire(exitGrace);
        }
        return Optional.empty();
    }

    /** A turn of the session began. */
    synchronized void begin(String sessionId) {
        running.enter(sessionId);
    }

    /**
     * A turn of the session ended; its process is parked if {@code park} says it may and no other turn of the session
     * ran meanwhile. True if parked.
     */
    boolean finish(String sessionId, LiveKey key, CliProcess process, boolean park) {
        List<CliProcess> retired = new ArrayList<>();
        synchronized (this) {
            boolean alone = running.leave(sessionId);
            if (!park || !alone || closed || !process.isAlive()) {
                return false;
            }
            Parked before = parked.remove(sessionId);
            if (before != null) {
                before.expiry().cancel(false);
                retired.add(before.process());
            }
            ScheduledFuture<?> expiry = reaper.schedule(() -> expire(sessionId, process),
                    settings.idleLifetime().toNanos(), TimeUnit.NANOSECONDS);
            parked.put(sessionId, new Parked(process, key, expiry));
            Iterator<Parked> oldest = parked.values().iterator();
            while (parked.size() > settings.maxProcesses()) {
                Parked evicted = oldest.next();
                oldest.remove();
                evicted.expiry().cancel(false);
                retired.add(evicted.process());
            }
        }
        retired.forEach(p -> p.retire(exitGrace));
        return true;
    }

    /** The process exited: if it was parked, it is dropped. */
    synchronized void exited(CliProcess process) {
        parked.values().removeIf(p -> {
            boolean gone = p.process() == process;
            if (gone) {
                p.expiry().cancel(false);
            }
            return gone;
        });
    }

    /** The session's transcript is being deleted: its parked process is killed, so nothing writes it again. */
    void forget(String sessionId) {
        Parked found;
        synchronized (this) {
            found = parked.remove(sessionId);
        }
        if (found != null) {
            found.expiry().cancel(false);
            found.process().kill();
        }
    }

    synchronized List<Long> parkedPids() {
        return parked.values().stream().map(p -> p.process().pid()).toList();
    }

    synchronized LiveStats stats() {
        return new LiveStats(parked.size(), hits, misses);
    }

    private void expire(String sessionId, CliProcess process) {
        synchronized (this) {
            Parked found = parked.get(sessionId);
            if (found == null || found.process() != process) {
                return;
            }
            parked.remove(sessionId);
        }
        process.retire(exitGrace);
    }

    /** Kills every parked process; none outlives the server. */
    @Override
    public void close() {
        List<Parked> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(parked.values());
            parked.clear();
        }
        reaper.shutdownNow();
        all.forEach(p -> p.process().kill());
    }
}
