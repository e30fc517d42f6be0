package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.LiveSettings;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.RealCli;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much sooner a resumed turn answers in its session's parked process than in a new one started with
 * {@code --resume}: start() to the first text delta, real CLI and fake upstream, the two ways interleaved so noise
 * hits both. Run on demand: {@code -Dtest=RealCliLiveLatencyBenchmark -Dsurefire.excludedGroups=}.
 */
@Tag("benchmark")
class RealCliLiveLatencyBenchmark {

    static final int WARMUP = Integer.getInteger("bench.warmup", 2);
    static final int RUNS = Integer.getInteger("bench.runs", 10);

    @TempDir
    Path dir;

    @Test
    void resumedTurn_inTheParkedProcess_versusANewProcessWithResume() throws Exception {
        Path cli = RealCli.executable().orElseThrow(() -> new AssertionError(RealCli.INSTALL_HINT));
        List<Long> fresh = new ArrayList<>();
        List<Long> parked = new ArrayList<>();
        List<Long> resumed = new ArrayList<>();
        try (FakeUpstream upstream = FakeUpstream.start()) {
            CliSettings settings = new CliSettings(Optional.of(cli), dir.resolve("work"),
                    RealCli.isolatedEnv(dir, upstream.baseUrl()), 1, Duration.ofSeconds(5));
            try (CliClaudeRunner live = new CliClaudeRunner(settings.withLive(new LiveSettings(2, Duration.ofMinutes(5))));
                 CliClaudeRunner plain = new CliClaudeRunner(settings)) {
                for (int i = 0; i < WARMUP + RUNS; i++) {
                    Timing first = timed(live, Turns.persisted("Hello " + i, Optional.empty()));
                    TurnRequest again = Turns.persisted("And now?", Optional.of(first.session()));
                    boolean parkedFirst = i % 2 == 0; // the parked process knows nothing of the other's turn: fine here
                    Timing a = timed(parkedFirst ? live : plain, again);
                    Timing b = timed(parkedFirst ? plain : live, again);
                    if (i >= WARMUP) {
                        fresh.add(first.firstDelta());
                        parked.add((parkedFirst ? a : b).firstDelta());
                        resumed.add((parkedFirst ? b : a).firstDelta());
                    }
                }
                assertThat(live.liveStats().hits()).isEqualTo(WARMUP + RUNS);
            }
        }
        System.out.println("start() -> first text delta, ms, " + RUNS + " runs each:");
        System.out.println("  new process, new session      " + summary(fresh));
        System.out.println("  resumed in the parked process " + summary(parked));
        System.out.println("  resumed with --resume         " + summary(resumed));
    }

    /** When a turn's first text delta came, in nanoseconds after start(), and the session it ran in. */
    private record Timing(long firstDelta, String session) {
    }

    private static Timing timed(ClaudeRunner runner, TurnRequest request) throws InterruptedException {
        long start = System.nanoTime();
        long firstDelta = -1;
        String session = null;
        try (ClaudeTurn turn = runner.start(request)) {
            while (true) {
                TurnEvent e = turn.next(Turns.EVENT_TIMEOUT);
                assertThat(e).as("an event in time").isNotNull();
                if (e instanceof TurnEvent.SessionStarted started) {
                    session = started.sessionId();
                }
                if (e instanceof TurnEvent.TextDelta && firstDelta < 0) {
                    firstDelta = System.nanoTime() - start;
                }
                if (e.isTerminal()) {
                    assertThat(e).isInstanceOf(TurnEvent.Completed.class);
                    return new Timing(firstDelta, session);
                }
            }
        }
    }

    private static String summary(List<Long> nanos) {
        List<Double> ms = nanos.stream().map(n -> n / 1e6).sorted().toList();
        double median = ms.size() % 2 == 1 ? ms.get(ms.size() / 2)
                : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
        return String.format(Locale.ROOT, "median %6.1f  min %6.1f  max %6.1f  all %s", median, ms.getFirst(),
                ms.getLast(), ms.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
    }
}
