package dev.claudeproxy.bootstrap.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the servers' resident memory and CLI processes every 50 ms, keeping the largest per server and phase. */
final class Sampler implements AutoCloseable {

    /** The largest figures seen: server RSS in MiB and CLI processes. */
    record Peak(double rssMb, int cliProcesses) {
        Peak max(Peak other) {
            return new Peak(Math.max(rssMb, other.rssMb), Math.max(cliProcesses, other.cliProcesses));
        }
    }

    private final List<ServerProcess> servers;
    private final Map<String, Peak> peaks = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile String phase = "idle";
    private volatile boolean running = true;

    Sampler(List<ServerProcess> servers) {
        this.servers = servers;
        this.thread = Thread.ofPlatform().daemon().name("bench-sampler").start(this::loop);
    }

    /** From now on samples count towards {@code phase}. */
    void phase(String name) {
        phase = name;
    }

    /** The peak of {@code server} during {@code phase}. */
    Peak peak(ServerProcess server, String phaseName) {
        return peaks.getOrDefault(server.name() + "|" + phaseName, new Peak(0, 0));
    }

    private void loop() {
        while (running) {
            for (ServerProcess s : servers) {
                Peak now = new Peak(s.rssBytes().orElse(0) / 1024.0 / 1024.0, s.cliProcesses());
                peaks.merge(s.name() + "|" + phase, now, Peak::max);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
