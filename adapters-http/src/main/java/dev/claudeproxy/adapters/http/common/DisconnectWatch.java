package dev.claudeproxy.adapters.http.common;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices when the client of a running request has hung up, even while nothing is being written to it
 * (queued, waiting for a whole answer, a silent CLI), and interrupts the request's thread so its CLI run is
 * cancelled and its slot freed. It reads the kernel's connection table, so it works on Linux and does
 * nothing elsewhere.
 */
public final class DisconnectWatch implements Filter {

    private static final System.Logger LOG = System.getLogger(DisconnectWatch.class.getName());
    private static final Set<String> WATCHED_PATHS = Set.of("/v1/messages", "/messages", "/v1/chat/completions",
            "/chat/completions");

    /** A request being watched: its connection's ports and the thread running it. */
    private static final class Watched {
        private final ConnectionTable.Ports ports;
        private final Thread thread;
        private boolean done;
        private boolean interrupted;

        private Watched(ConnectionTable.Ports ports, Thread thread) {
            this.ports = ports;
            this.thread = thread;
        }
    }

    private static final class Shared {
        private static final DisconnectWatch INSTANCE = new DisconnectWatch(Duration.ofMillis(200));
    }

    private final Duration period;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final Object wakeUp = new Object();

    /** @param period how often the connection table is read while requests run */
    public DisconnectWatch(Duration period) {
        this.period = period;
        Thread.ofPlatform().daemon().name("disconnect-watch").start(this::pollForever);
    }

    /** The one watch of this process (one thread reading the table every 200 ms while requests run). */
    public static DisconnectWatch shared() {
        return Shared.INSTANCE;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!WATCHED_PATHS.contains(req.path().path())) {
            chain.proceed();
            return;
        }
        Watched w = new Watched(new ConnectionTable.Ports(req.localPeer().port(), req.remotePeer().port()),
                Thread.currentThread());
        watched.add(w);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            chain.proceed();
        } finally {
            watched.remove(w);
            synchronized (w) {
                w.done = true;
                if (w.interrupted) {
                    Thread.interrupted(); // the interrupt was for the run, not for the connection's next request
                }
            }
        }
    }

    private void pollForever() {
        try {
            while (true) {
                synchronized (wakeUp) {
                    while (watched.isEmpty()) {
                        wakeUp.wait();
                    }
                }
                Thread.sleep(period);
                // taken before the table: a request's connection is then surely in it (one accepted after the
                // table was read would look gone, and be interrupted for nothing)
                List<Watched> candidates = List.copyOf(watched);
                Optional<Map<ConnectionTable.Ports, Integer>> table = ConnectionTable.read();
                if (table.isEmpty()) {
                    LOG.log(System.Logger.Level.DEBUG, "no kernel connection table: client hang-ups are noticed "
                            + "only when a write fails");
                    return;
                }
                for (Watched w : candidates) {
                    Integer state = table.get().get(w.ports);
                    if (state == null || state == ConnectionTable.CLOSE_WAIT) {
                        interrupt(w);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void interrupt(Watched w) {
        synchronized (w) {
            if (!w.done && !w.interrupted) {
                w.interrupted = true;
                LOG.log(System.Logger.Level.INFO, "client on port {0} hung up: stopping its request",
                        String.valueOf(w.ports.remote()));
                w.thread.interrupt();
            }
        }
    }
}
