package dev.claudeproxy.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the benchmark's figures: bench/results/proxy-benchmark.json and the tables of BENCHMARKS.md. */
final class BenchReport {

    static final String COMMAND = "bench/run";

    private BenchReport() {
    }

    static void write(List<BenchResult> results, int rounds) throws IOException {
        Path root = Path.of(System.getProperty("claudeproxy.repoRoot", ".."));
        Path out = root.resolve("bench/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("proxy-benchmark.json"), json(results, rounds));
        Files.writeString(root.resolve("BENCHMARKS.md"), markdown(results, rounds, root));
    }

    private static String machine() {
        return String.format(Locale.ROOT, "%d cores, Java %s (%s), %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"));
    }

    private static String json(List<BenchResult> results, int rounds) {
        List<String> cells = new ArrayList<>();
        for (BenchResult r : results) {
            cells.add(String.format(Locale.ROOT, "{\"backend\":\"%s\",\"stream\":%b,\"concurrency\":%d,"
                            + "\"a\":%s,\"b\":%s,\"ratio_b_over_a\":{\"ttft\":%s,\"total\":%.4f,\"wall\":%.4f}}",
                    r.backend(), r.stream(), r.concurrency(), side(r.a()), side(r.b()),
                    Double.isNaN(r.ttftRatio()) ? "null" : String.format(Locale.ROOT, "%.4f", r.ttftRatio()),
                    r.totalRatio(), r.wallRatio()));
        }
        return String.format(Locale.ROOT, "{\"date\":\"%s\",\"machine\":\"%s\",\"rounds\":%d,\"a\":\"%s\","
                        + "\"b\":\"%s\",\"cells\":[%n%s%n]}%n", Instant.now(), machine(), rounds,
                String.join(" ", ProxyBenchmark.A_FLAGS), String.join(" ", ProxyBenchmark.B_FLAGS),
                String.join(",\n", cells));
    }

    private static String side(BenchResult.Side s) {
        return String.format(Locale.ROOT, "{\"total\":%s,\"ttft\":%s,\"burst_wall\":%s,\"throughput_per_s\":%.3f,"
                        + "\"errors\":%d,\"peak_server_rss_mb\":%.1f,\"peak_cli_processes\":%d}", s.total().json(),
                s.ttft() == null ? "null" : s.ttft().json(), s.wall().json(), s.throughputPerS(), s.errors(),
                s.peak().rssMb(), s.peak().cliProcesses());
    }

    private static String markdown(List<BenchResult> results, int rounds, Path root) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Written by `").append(COMMAND).append("` (see README, \"Benchmarks\"); the raw figures are in ")
                .append("`bench/results/proxy-benchmark.json`. Last run: ").append(Instant.now()).append(", ")
                .append(machine()).append(".\n\n")
                .append("Two servers run side by side, each its own JVM as `./run` starts it, on 127.0.0.1: **A** ")
                .append("starts a fresh CLI process per request (`--warm-processes=0`, the reference's way), **B** ")
                .append("keeps warm CLI processes (the default). Each cell is ").append(rounds)
                .append(" rounds; a round sends a burst of N concurrent requests to A and one to B (alternating who ")
                .append("goes first), so the machine's noise hits both. B/A is the median over rounds of B's figure ")
                .append("divided by A's in the same round. Latencies are milliseconds at the client; time to first ")
                .append("token (TTFT) is until the first `content_block_delta` (streamed requests only); RSS is the ")
                .append("server JVM's peak during the cell (CLI processes not counted); CLI is the peak number of ")
                .append("CLI processes the server had (running or waiting).\n\n")
                .append("Backends: the scripted fake CLI (a bash script, 5 text deltas 20 ms apart: the server's own ")
                .append("cost) and the real CLI (`@anthropic-ai/claude-code`, pinned) against a fake Anthropic API on ")
                .append("127.0.0.1 that sends 5 text deltas 20 ms apart.\n");
        String backend = "";
        for (BenchResult r : results) {
            if (!r.backend().equals(backend)) {
                backend = r.backend();
                md.append("\n## ").append(backend).append("\n\n")
                        .append("| mode | N | side | total median | p90 | p99 | max | TTFT median | p90 | p99 | max ")
                        .append("| burst wall median | req/s | RSS MB | CLI | B/A TTFT | B/A total | B/A wall |\n")
                        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            }
            md.append(row(r, "A", r.a(), "", "", "")).append(row(r, "B", r.b(), ratio(r.ttftRatio()),
                    ratio(r.totalRatio()), ratio(r.wallRatio())));
        }
        md.append(targets(results));
        Path overhead = root.resolve("bench/results/server-overhead.md");
        if (Files.exists(overhead)) {
            md.append("\n## The server's own overhead (fake CLI, in-process)\n\nFrom `ServerOverheadBenchmark` ")
                    .append("(see README), last run:\n\n").append(Files.readString(overhead));
        }
        return md.toString();
    }

    /** The targets that this run measures, each with its figure and whether it is met. */
    private static String targets(List<BenchResult> results) {
        StringBuilder md = new StringBuilder("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        find(results, "real CLI", true, 1).ifPresent(r -> md.append(target("real CLI, streamed, one at a time: "
                + "TTFT with warm processes ≤ 0.5× fresh", r.ttftRatio(), r.ttftRatio() <= 0.5)));
        double rss = results.stream().filter(r -> r.concurrency() == 20)
                .mapToDouble(r -> r.b().peak().rssMb()).max().orElse(Double.NaN);
        md.append(target("server RSS (CLI processes not counted) at concurrency 20 ≤ 300 MB", rss, rss <= 300));
        find(results, "real CLI", false, 20).ifPresent(r -> md.append(target("real CLI, 20 whole requests at once, "
                + "max 5: wall time with warm processes ≤ 0.6× fresh", r.wallRatio(), r.wallRatio() <= 0.6)));
        return md.toString();
    }

    private static java.util.Optional<BenchResult> find(List<BenchResult> results, String backend, boolean stream,
                                                        int concurrency) {
        return results.stream().filter(r -> r.backend().equals(backend) && r.stream() == stream
                && r.concurrency() == concurrency).findFirst();
    }

    private static String target(String what, double value, boolean met) {
        return String.format(Locale.ROOT, "| %s | %.2f | %s |%n", what, value, met ? "yes" : "**no**");
    }

    private static String row(BenchResult r, String name, BenchResult.Side s, String ttft, String total, String wall) {
        String t = s.ttft() == null ? "— | — | — | —" : String.format(Locale.ROOT, "%.0f | %.0f | %.0f | %.0f",
                s.ttft().median(), s.ttft().p90(), s.ttft().p99(), s.ttft().max());
        return String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.0f | %.0f | %.0f | %s | %.0f | %.2f | %.0f | %d "
                        + "| %s | %s | %s |%n", r.stream() ? "stream" : "whole", r.concurrency(), name,
                s.total().median(), s.total().p90(), s.total().p99(), s.total().max(), t, s.wall().median(),
                s.throughputPerS(), s.peak().rssMb(), s.peak().cliProcesses(), ttft, total, wall);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
