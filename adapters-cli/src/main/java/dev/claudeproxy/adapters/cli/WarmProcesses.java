package dev.claudeproxy.adapters.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CLI processes started ahead of need, each waiting for its first stdin line: a turn of a kind that was asked for
 * lately takes one instead of paying the CLI's start-up, and one thread starts its replacement. Only live processes
 * are handed out; waiting ones are bounded in number and memory, reaped when unused, and killed on close.
 */
final class WarmProcesses implements AutoCloseable {

    /** Starts a CLI process for a kind of turn. */
    interface Starter {
        Process start(WarmKey key) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(WarmProcesses.class.getName());
    private static final long ASSUMED_RSS = 200L * 1024 * 1024; // a fresh CLI, until one is measured
    private static final Duration EARLY_DEATH = Duration.ofSeconds(5);
    private static final int EARLY_DEATHS_BEFORE_PAUSE = 3;
    private static final Duration PAUSE = Duration.ofMinutes(1);

    private record Waiting(Process process, long since) {
    }

    private final Starter starter;
    private final WarmSettings settings;
    private final Map<WarmKey, Deque<Waiting>> waiting = new HashMap<>();
    private final Map<WarmKey, Long> wantedAt = new HashMap<>();
    private final ExecutorService starterThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("cli-warmer").factory());
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("cli-warm-reaper").factory());
    private long hits;
    private long misses;
    private int earlyDeaths;
    private long pausedUntil;
    private long largestRss = ASSUMED_RSS;
    private boolean closed;

    WarmProcesses(Starter starter, WarmSettings settings) {
        this.starter = starter;
        this.settings = settings;
        long period = Math.clamp(settings.idleLifetime().toMillis() / 4, 20, 30_000);
        reaper.scheduleAtFixedRate(this::reapIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** A live waiting process for {@code key}, if there is one; either way one is (re)started for the next turn. */
    Optional<Process> take(WarmKey key) {
        Process found = null;
        synchronized (this) {
            wantedAt.put(key, System.nanoTime());
            Deque<Waiting> queue = waiting.get(key);
            while (queue != null && !queue.isEmpty() && found == null) {
                Process p = queue.pollFirst().process();
                if (p.isAlive()) {
                    found = p;
                }
            }
            if (found == null) {
                misses++;
            } else {
                hits++;
            }
        }
        refill(key);
        return Optional.ofNullable(found);
    }

    /** Asks for a process of {@code key} to be waiting, as if a turn of that kind had just been asked for. */
    void warm(WarmKey key) {
        synchronized (this) {
            wantedAt.put(key, System.nanoTime());
        }
        refill(key);
    }

    synchronized int waitingCount() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    /** The process ids of the processes waiting now. */
    synchronized List<Long> waitingPids() {
        return waiting.values().stream().flatMap(Deque::stream).map(w -> w.process().pid()).toList();
    }

    /** Whether starting is paused because started processes kept exiting at once. */
    synchronized boolean paused() {
        return System.nanoTime() - pausedUntil < 0;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    private void refill(WarmKey key) {
        try {
            starterThread.execute(() -> fill(key));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: nothing to start
        }
    }

    /** Starts processes for {@code key} until it has its share, unless a bound or a pause says no. */
    private void fill(WarmKey key) {
        while (true) {
            synchronized (this) {
                if (!roomFor(key)) {
                    return;
                }
            }
            Process process;
            try {
                process = starter.start(key);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "starting a warm CLI failed: " + e.getMessage());
                return;
            }
            long started = System.nanoTime();
            synchronized (this) {
                if (closed) {
                    ProcessTree.kill(process.toHandle());
                    return;
                }
                waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Waiting(process, started));
            }
            process.onExit().thenRun(() -> died(key, process, started));
        }
    }

    private boolean roomFor(WarmKey key) {
        long now = System.nanoTime();
        Long wanted = wantedAt.get(key);
        if (closed || wanted == null || now - wanted > settings.idleLifetime().toNanos() || now - pausedUntil < 0) {
            return false;
        }
        int total = waiting.values().stream().mapToInt(Deque::size).sum();
        int mine = waiting.getOrDefault(key, new ArrayDeque<>()).size();
        return mine < settings.perKey() && total < settings.maxProcesses() && memoryAllows(total);
    }

    private boolean memoryAllows(int total) {
        if (settings.maxMemoryBytes() == 0) {
            return true;
        }
        long held = 0;
        for (Deque<Waiting> queue : waiting.values()) {
            for (Waiting w : queue) {
                long rss = residentBytes(w.process().pid()).orElse(ASSUMED_RSS);
                largestRss = Math.max(largestRss, rss);
                held += rss;
            }
        }
        return held + largestRss <= settings.maxMemoryBytes();
    }

    /** A waiting process exited on its own: it is dropped, and replaced unless processes keep dying young. */
    private void died(WarmKey key, Process process, long started) {
        boolean wasWaiting;
        synchronized (this) {
            Deque<Waiting> queue = waiting.get(key);
            wasWaiting = queue != null && queue.removeIf(w -> w.process() == process);
            if (!wasWaiting || closed) {
                return;
            }
            if (System.nanoTime() - started < EARLY_DEATH.toNanos()) {
                earlyDeaths++;
                if (earlyDeaths >= EARLY_DEATHS_BEFORE_PAUSE) {
                    pausedUntil = System.nanoTime() + PAUSE.toNanos();
                    earlyDeaths = 0;
                    LOG.log(System.Logger.Level.WARNING, "warm CLI processes keep exiting at once (last exit code "
                            + process.exitValue() + "): not starting more for " + PAUSE.toSeconds() + " s");
                    return;
                }
            } else {
                earlyDeaths = 0;
            }
        }
        refill(key);
    }

    /** Kills the processes that waited longer than their lifetime, and forgets kinds nobody asked for lately. */
    private void reapIdle() {
        List<Process> expired = new ArrayList<>();
        synchronized (this) {
            long cutoff = System.nanoTime() - settings.idleLifetime().toNanos();
            for (Deque<Waiting> queue : waiting.values()) {
                queue.removeIf(w -> {
                    boolean old = w.since() - cutoff < 0;
                    if (old) {
                        expired.add(w.process());
                    }
                    return old;
                });
            }
            wantedAt.values().removeIf(at -> at - cutoff < 0);
        }
        expired.forEach(p -> ProcessTree.kill(p.toHandle()));
    }

    /** Kills every waiting process; none outlives the server. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            waiting.values().forEach(queue -> queue.forEach(w -> all.add(w.process())));
            waiting.clear();
        }
        starterThread.shutdownNow();
        reaper.shutdownNow();
        all.forEach(p -> ProcessTree.kill(p.toHandle()));
    }

    /** The resident memory of a process from Linux's /proc; empty elsewhere. */
    static OptionalLong residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
