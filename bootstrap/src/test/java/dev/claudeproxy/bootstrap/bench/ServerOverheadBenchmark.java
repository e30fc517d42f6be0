package dev.claudeproxy.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.persistence.session.InMemorySessionRepository;
import dev.claudeproxy.adapters.persistence.trace.InMemoryTraceRepository;
import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.adapters.cli.testkit.ScriptedCli;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.bootstrap.ProxyServer;
import dev.claudeproxy.bootstrap.config.ConfigLoader;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server adds to a CLI turn, with the scripted fake CLI: the CLI run alone vs. the same run through
 * the server (interleaved, so noise hits both), and how long a text delta takes from the CLI's stdout to the
 * client. Run on demand: see README, "Benchmarks".
 */
@Tag("benchmark")
class ServerOverheadBenchmark {

    static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    static final int RUNS = Integer.getInteger("bench.runs", 100);
    static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello\"}]%s}";
    static final String CHAT_BODY = "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello\"}]}";
    static final String USER_LINE = "{\"type\":\"user\",\"session_id\":\"\",\"message\":{\"role\":\"user\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"Say hello\"}]},\"parent_tool_use_id\":null}";
    static final Pattern STAMP = Pattern.compile("t=(\\d{16})");

    @TempDir
    Path dir;

    @Test
    void serverOverhead_andDeltaForwarding() throws Exception {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        cli.setDefault(Scenario.text("Hello", " from", " the", " fake", " CLI").lingering(Duration.ofMillis(40)));
        CliClaudeRunner runner = new CliClaudeRunner(new CliSettings(Optional.of(cli.executable()),
                dir.resolve("work"), cli.environment(), 1, Duration.ofSeconds(5)));
        try (ProxyServer server = ProxyServer.start(ConfigLoader.load(new String[] {"--port=0"},
                Map.of("CLAUDE_PROXY_MAX_CONCURRENT", "1")), new ProxyServer.Adapters(runner, p -> p + "x",
                        new InMemorySessionRepository(), runner.transcripts(), new InMemoryTraceRepository(), List.of(),
                        runner::liveProcesses, runner))) {
            String url = "/v1/messages";
            RawHttpClient client = new RawHttpClient(server.port());
            List<Double> alone = new ArrayList<>();
            List<Double> viaServer = new ArrayList<>();
            List<Double> viaRunner = new ArrayList<>();
            List<Double> httpOnly = new ArrayList<>();
            List<Double> viaChat = new ArrayList<>();
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                double a = cliAlone(cli);
                double b = viaServer(client, url);
                double c = viaRunner(runner);
                double d = viaServer(client, url + "/count_tokens");
                double e = viaServer(client, "/v1/chat/completions", CHAT_BODY);
                if (i >= WARMUP) {
                    viaChat.add(e);
                    httpOnly.add(d);
                    alone.add(a);
                    viaServer.add(b);
                    viaRunner.add(c);
                    paired.add(b - a);
                }
                clearRecords(cli);
            }
            cli.setDefault(stampedDeltas(20, Duration.ofMillis(10)));
            List<Double> forwarding = new ArrayList<>();
            for (int i = 0; i < 5 + RUNS / 5; i++) {
                List<Double> one = streamDeltaLatencies(client, url);
                if (i >= 5) {
                    forwarding.addAll(one);
                }
                clearRecords(cli);
            }
            client.close();
            report(Stats.of(alone), Stats.of(viaRunner), Stats.of(viaServer), Stats.of(paired), Stats.of(httpOnly),
                    Stats.of(viaChat), Stats.of(forwarding));
        }
    }

    /** Spawn → user line → read until the result line, as the server does; the exit is not waited for. */
    private static double cliAlone(ScriptedCli cli) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cli.executable().toString(), "--output-format", "stream-json",
                "--verbose", "--input-format", "stream-json", "--no-session-persistence");
        pb.environment().putAll(cli.environment());
        long start = System.nanoTime();
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                     StandardCharsets.UTF_8))) {
            in.write((USER_LINE + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String line;
            while ((line = out.readLine()) != null && !line.contains("\"type\":\"result\"")) {
                // read on to the result
            }
            double ms = (System.nanoTime() - start) / 1e6;
            assertThat(line).isNotNull();
            return ms;
        } finally {
            p.destroyForcibly();
        }
    }

    /** The CLI adapter alone, without HTTP: start to the completed event. */
    private static double viaRunner(CliClaudeRunner runner) throws InterruptedException {
        long start = System.nanoTime();
        try (ClaudeTurn turn = runner.start(new TurnRequest(ModelTier.SONNET, Optional.empty(),
                List.of(new ContentBlock.Text("Say hello")), Optional.empty(), Optional.empty(), false, false))) {
            TurnEvent e;
            do {
                e = turn.next(Duration.ofSeconds(10));
            } while (e != null && !e.isTerminal());
            double ms = (System.nanoTime() - start) / 1e6;
            assertThat(e).isInstanceOf(TurnEvent.Completed.class);
            return ms;
        }
    }

    private static double viaServer(RawHttpClient client, String path) throws IOException {
        return viaServer(client, path, BODY.formatted(""));
    }

    private static double viaServer(RawHttpClient client, String path, String body) throws IOException {
        long start = System.nanoTime();
        int status = client.post(path, body, line -> { });
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(status).isEqualTo(200);
        return ms;
    }

    /** Each delta carries the microsecond at which the fake CLI printed it; the client notes when it arrived. */
    private static List<Double> streamDeltaLatencies(RawHttpClient client, String path) throws IOException {
        List<Double> latencies = new ArrayList<>();
        client.post(path, BODY.formatted(",\"stream\":true"), line -> {
            Instant now = Instant.now();
            Matcher m = STAMP.matcher(line);
            if (line.startsWith("data: ") && line.contains("text_delta") && m.find()) {
                long sentUs = Long.parseLong(m.group(1));
                long nowUs = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
                latencies.add((nowUs - sentUs) / 1000.0);
            }
        });
        assertThat(latencies).hasSize(20);
        return latencies;
    }

    private static Scenario stampedDeltas(int count, Duration pace) {
        String[] deltas = new String[count];
        for (int i = 0; i < count; i++) {
            deltas[i] = " t={{NOW_US}}";
        }
        return Scenario.text(deltas).pacedBy(pace);
    }

    private static void clearRecords(ScriptedCli cli) throws IOException {
        Path records = cli.executable().resolveSibling("records");
        try (Stream<Path> all = Files.walk(records)) {
            all.sorted((a, b) -> b.compareTo(a)).filter(p -> !p.equals(records)).forEach(p -> p.toFile().delete());
        }
    }

    private static void report(Stats alone, Stats viaRunner, Stats viaServer, Stats paired, Stats httpOnly,
                               Stats viaChat, Stats forwarding) throws IOException {
        String table = String.join("\n",
                "| measure (fake CLI, ms) | n | median | p90 | p99 | max |",
                "|---|---|---|---|---|---|",
                alone.row("CLI alone: spawn to result line"),
                viaRunner.row("CLI adapter (no HTTP): start to completed"),
                viaServer.row("through the server: request to whole reply"),
                paired.row("server overhead (paired difference)"),
                httpOnly.row("HTTP round trip alone (count_tokens)"),
                viaChat.row(String.format(Locale.ROOT, "same turn via /v1/chat/completions (median ratio %.3f)",
                        viaChat.median() / viaServer.median())),
                forwarding.row("text delta: CLI stdout to client"));
        System.out.println(table);
        Path out = Path.of(System.getProperty("claudeproxy.repoRoot", ".."), "bench", "results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("server-overhead.md"), table + "\n");
        Files.writeString(out.resolve("server-overhead.json"), "{\"cli_alone\":" + alone.json()
                + ",\"cli_adapter\":" + viaRunner.json()
                + ",\"via_server\":" + viaServer.json() + ",\"overhead_paired\":" + paired.json()
                + ",\"http_round_trip\":" + httpOnly.json() + ",\"via_chat_completions\":" + viaChat.json() + ",\"delta_forwarding\":" + forwarding.json() + "}\n");
    }
}
