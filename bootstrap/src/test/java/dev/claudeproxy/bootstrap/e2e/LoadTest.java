package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.testkit.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load on loopback: 200 clients at once against 5 slots, a fake CLI taking 200 ms. Every request ends
 * as 200 or 529 within the queue timeout, none hangs, and threads, file descriptors and child processes go back
 * to their idle counts.
 */
@EnabledOnOs(OS.LINUX)
class LoadTest {

    private static final int CLIENTS = 200;
    private static final int SLOTS = 5;
    private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RUN = Duration.ofMillis(200);

    @TempDir
    Path dir;

    /** How one request ended: its status and how long it took. */
    private record Outcome(int status, long millis) {
    }

    @Test
    void twoHundredClientsAgainstFiveSlots_allEndAs200Or529_andNothingLeaks() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_MAX_CONCURRENT", String.valueOf(SLOTS),
                "CLAUDE_PROXY_QUEUE_TIMEOUT_MS", String.valueOf(QUEUE_TIMEOUT.toMillis())))) {
            proxy.cli().setDefault(Scenario.text("Hello", " under", " load").delayedBy(RUN));
            fire(proxy, 10); // warm up: classes, the JDK's process reaper threads, connection handling
            awaitChildren(0);
            Idle idle = Idle.now();

            long started = System.nanoTime();
            List<Outcome> outcomes = fire(proxy, CLIENTS);
            long wallMillis = (System.nanoTime() - started) / 1_000_000;

            Map<Integer, Long> byStatus = new TreeMap<>();
            outcomes.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
            long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElseThrow();
            assertThat(byStatus.keySet()).as("statuses " + byStatus).isSubsetOf(200, 529);
            assertThat(byStatus.getOrDefault(200, 0L)).as("answered").isGreaterThanOrEqualTo(5);
            assertThat(slowest).as("slowest request, ms").isLessThan(QUEUE_TIMEOUT.plusSeconds(5).toMillis());

            awaitChildren(0);
            Idle after = Idle.awaitBackTo(idle, Duration.ofSeconds(10));
            System.out.printf("load: %d clients, %d slots, %d ms runs: %s in %d ms wall, slowest %d ms; threads %d -> %d"
                            + " (JDK pools %d -> %d), fds %d -> %d, children 0 -> 0%n", CLIENTS, SLOTS, RUN.toMillis(),
                    byStatus, wallMillis, slowest, idle.threads(), after.threads(), idle.poolThreads(),
                    after.poolThreads(), idle.fds(), after.fds());
        }
    }

    /** Sends {@code n} requests at once, each on its own connection, and waits (bounded) for all of them. */
    private static List<Outcome> fire(RunningProxy proxy, int n) throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(clients.submit(() -> request(proxy.port())));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                out.add(f.get(QUEUE_TIMEOUT.plusSeconds(20).toSeconds(), TimeUnit.SECONDS));
            }
            return out;
        }
    }

    private static Outcome request(int port) throws IOException {
        long start = System.nanoTime();
        String body = ErrorRowsTest.HELLO;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) QUEUE_TIMEOUT.plusSeconds(20).toMillis());
            socket.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int length = head.lines().filter(l -> l.regionMatches(true, 0, "content-length:", 0, 15))
                    .map(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
            in.readNBytes(length); // Helidon 4.5 keeps the connection open despite Connection: close
            return new Outcome(Integer.parseInt(head.substring(9, 12)), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        return head.toString();
    }

    private static void awaitChildren(int n) throws InterruptedException {
        Await.until(() -> RunningProxy.turnChildren().size() == n,
                n + " child processes", Duration.ofSeconds(10));
    }

    /**
     * This JVM's platform threads outside the JDK's own pools, the threads of those pools (fork-join pools, the
     * process reapers), and its open file descriptors.
     */
    private record Idle(int threads, int poolThreads, int fds) {

        static Idle now() throws IOException {
            List<String> names = threadNames();
            int pool = (int) names.stream().filter(Idle::jdkPool).count();
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                return new Idle(names.size() - pool, pool, (int) fds.count());
            }
        }

        private static boolean jdkPool(String name) {
            // the common pool runs onExit callbacks; ForkJoinPool-1 carries virtual threads and adds carriers for a
            // while when they block in file I/O (log lines); the process reapers wait on child processes
            return name.startsWith("ForkJoinPool") || name.equals("process reaper");
        }

        /**
         * Waits until threads and descriptors are back to {@code idle} (or fewer), failing after {@code limit}; the
         * JDK's pools keep idle workers for a minute, so they may stay larger, but only by what 5 runs at once use.
         */
        static Idle awaitBackTo(Idle idle, Duration limit) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                Idle now = now();
                if (now.threads() <= idle.threads() && now.fds() <= idle.fds()
                        && now.poolThreads() <= idle.poolThreads() + 2 * SLOTS
                        + Runtime.getRuntime().availableProcessors()) {
                    return now;
                }
                assertThat(System.nanoTime()).as("back to idle %s within %s, now %s: %s", idle, limit, now,
                                threadNames()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
    }
}
