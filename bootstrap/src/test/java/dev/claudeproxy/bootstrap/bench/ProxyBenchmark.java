package dev.claudeproxy.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.RealCli;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.adapters.cli.testkit.ScriptedCli;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives two running servers side by side — A: a fresh CLI process per request (the reference's way), B: warm
 * CLI processes (the default) — with bursts of 1, 5 and 20 concurrent requests, whole and streamed, interleaved
 * A/B so the machine's noise hits both, once with the scripted fake CLI and once with the real CLI against a
 * fake upstream with fixed pacing. Writes bench/results/proxy-benchmark.json and BENCHMARKS.md. See README.
 */
@Tag("benchmark")
class ProxyBenchmark {

    static final int[] CONCURRENCY = {1, 5, 20};
    static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    static final List<String> A_FLAGS = List.of("--warm-processes=0");
    static final List<String> B_FLAGS = List.of();

    @TempDir
    Path dir;

    @Test
    void freshVersusWarmCliProcesses() throws Exception {
        List<BenchResult> results = new ArrayList<>();
        results.addAll(run("fake CLI", this::fakeCliEnv));
        results.addAll(run("real CLI", this::realCliEnv));
        BenchReport.write(results, ROUNDS);
        assertThat(results).allSatisfy(r -> assertThat(r.errors()).as(r.label()).isZero());
    }

    private List<BenchResult> run(String backend, Backend setup) throws Exception {
        Path root = dir.resolve(backend.replace(' ', '-'));
        try (Backend.Running env = setup.start(root);
             ServerProcess a = ServerProcess.start("A", root.resolve("a"), withClaude(A_FLAGS, env), env.env());
             ServerProcess b = ServerProcess.start("B", root.resolve("b"), withClaude(B_FLAGS, env), env.env());
             LoadDriver driver = new LoadDriver();
             Sampler sampler = new Sampler(List.of(a, b))) {
            for (ServerProcess s : List.of(a, b)) { // warm-up: JIT, the first CLI runs, the warm processes' kinds
                for (int i = 0; i < 3; i++) {
                    driver.burst(s.baseUrl(), 1, false);
                    driver.burst(s.baseUrl(), 1, true);
                }
            }
            List<BenchResult> results = new ArrayList<>();
            for (boolean stream : new boolean[] {false, true}) {
                for (int c : CONCURRENCY) {
                    String phase = backend + (stream ? " stream" : " whole") + " c=" + c;
                    sampler.phase(phase);
                    Map<String, List<LoadDriver.Burst>> bursts = new HashMap<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        List<ServerProcess> order = round % 2 == 0 ? List.of(a, b) : List.of(b, a);
                        for (ServerProcess s : order) {
                            bursts.computeIfAbsent(s.name(), k -> new ArrayList<>())
                                    .add(driver.burst(s.baseUrl(), c, stream));
                        }
                    }
                    sampler.phase("idle");
                    results.add(BenchResult.of(backend, stream, c, bursts.get("A"), bursts.get("B"),
                            sampler.peak(a, phase), sampler.peak(b, phase)));
                    System.out.println(results.getLast().summary());
                }
            }
            return results;
        }
    }

    private static List<String> withClaude(List<String> flags, Backend.Running env) {
        List<String> all = new ArrayList<>(flags);
        all.add("--claude-path=" + env.executable());
        all.add("--max-concurrent=5");
        all.add("--queue-timeout-ms=120000");
        return all;
    }

    private Backend.Running fakeCliEnv(Path root) {
        ScriptedCli cli = ScriptedCli.install(root.resolve("cli"));
        cli.setDefault(Scenario.text("Hello", " from", " the", " fake", " CLI").pacedBy(Duration.ofMillis(20)));
        return new Backend.Running(cli.executable(), cli.environment(), () -> {
        });
    }

    private Backend.Running realCliEnv(Path root) throws Exception {
        Path executable = RealCli.executable().orElseThrow(() -> new AssertionError(RealCli.INSTALL_HINT));
        FakeUpstream upstream = FakeUpstream.start();
        upstream.setDefault(UpstreamReply.text("Hello", " from", " the", " fake", " upstream")
                .withEventDelay(Duration.ofMillis(20)));
        Files.createDirectories(root);
        return new Backend.Running(executable, RealCli.isolatedEnv(root, upstream.baseUrl()), upstream::close);
    }

    /** Sets up what the servers' CLI runs against. */
    @FunctionalInterface
    interface Backend {
        Running start(Path root) throws Exception;

        /** The CLI executable, the environment the servers pass on to it, and what to stop afterwards. */
        record Running(Path executable, Map<String, String> env, AutoCloseable stop) implements AutoCloseable {
            @Override
            public void close() throws Exception {
                stop.close();
            }
        }
    }
}
