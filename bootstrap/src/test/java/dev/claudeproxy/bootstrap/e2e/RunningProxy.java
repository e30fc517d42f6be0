package dev.claudeproxy.bootstrap.e2e;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.CliVersionProbe;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.RealCli;
import dev.claudeproxy.adapters.cli.testkit.ScriptedCli;
import dev.claudeproxy.adapters.persistence.Database;
import dev.claudeproxy.adapters.persistence.DatabaseSettings;
import dev.claudeproxy.adapters.persistence.session.InMemorySessionRepository;
import dev.claudeproxy.adapters.persistence.DatabaseProbe;
import dev.claudeproxy.adapters.persistence.session.JdbcSessionRepository;
import dev.claudeproxy.adapters.persistence.trace.CachedTraceRepository;
import dev.claudeproxy.adapters.persistence.trace.InMemoryTraceRepository;
import dev.claudeproxy.adapters.persistence.trace.JdbcTraceRepository;
import dev.claudeproxy.application.port.out.HealthProbe;
import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.bootstrap.ProxyServer;
import dev.claudeproxy.bootstrap.config.ConfigLoader;
import dev.claudeproxy.bootstrap.config.ProxyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Our server on 127.0.0.1 with an ephemeral port, running the scripted fake CLI or the real one. */
final class RunningProxy implements AutoCloseable {

    private final ProxyServer server;
    private final ScriptedCli cli;

    // the runners of the servers running now, to tell processes waiting for a turn from those running one
    private static final Set<CliClaudeRunner> RUNNERS = ConcurrentHashMap.newKeySet();

    private final CliClaudeRunner runner;

    private RunningProxy(ProxyServer server, ScriptedCli cli, CliClaudeRunner runner) {
        this.server = server;
        this.cli = cli;
        this.runner = runner;
        if (runner != null) {
            RUNNERS.add(runner);
        }
    }

    /** With the scripted fake CLI; {@code env} holds CLAUDE_PROXY_* settings for this server. */
    static RunningProxy withScriptedCli(Path dir, Map<String, String> env) {
        ScriptedCli cli = ScriptedCli.install(dir.resolve("cli"));
        ProxyConfig config = config(dir, env);
        CliSettings settings = new CliSettings(Optional.of(cli.executable()), dir.resolve("work"),
                cli.environment(), 1, Duration.ofSeconds(5), ProxyServer.warmSettings(config.warm()))
                .withLive(ProxyServer.liveSettings(config.warm()));
        CliClaudeRunner runner = new CliClaudeRunner(settings);
        return new RunningProxy(ProxyServer.start(config, adapters(runner, new InMemorySessionRepository(),
                new InMemoryTraceRepository(), List.of(new CliVersionProbe(settings)), () -> {
                })), cli, runner);
    }

    /**
     * With the real CLI, isolated in {@code dir}, talking to {@code upstream}; sessions are kept in an H2 file in
     * {@code dir}, so a server started again on the same {@code dir} finds them, as the CLI finds its transcripts.
     */
    static RunningProxy withRealCli(Path dir, FakeUpstream upstream, Map<String, String> env) {
        Path executable = RealCli.executable().orElseThrow(() -> new AssertionError(RealCli.INSTALL_HINT));
        ProxyConfig config = config(dir, env);
        CliSettings settings = new CliSettings(Optional.of(executable), dir.resolve("work"),
                RealCli.isolatedEnv(dir, upstream.baseUrl()), 1, Duration.ofSeconds(5),
                ProxyServer.warmSettings(config.warm())).withLive(ProxyServer.liveSettings(config.warm()));
        CliClaudeRunner runner = new CliClaudeRunner(settings);
        Database database = Database.open(DatabaseSettings.embeddedIn(dir.resolve("data")));
        CachedTraceRepository traces = CachedTraceRepository.writingBehind(
                new JdbcTraceRepository(database.dataSource()), 100);
        return new RunningProxy(ProxyServer.start(config, adapters(runner,
                new JdbcSessionRepository(database.dataSource()), traces,
                List.of(new DatabaseProbe(database.dataSource()), new CliVersionProbe(settings)), () -> {
                    try (database; traces) {
                        traces.flush();
                    }
                })), null, runner);
    }

    /** With the production adapters, e.g. to see what a missing CLI does. */
    static RunningProxy withProductionAdapters(Path dir, Map<String, String> env) {
        ProxyConfig config = config(dir, env);
        Map<String, String> processEnv = new HashMap<>(System.getenv());
        processEnv.putAll(env);
        return new RunningProxy(ProxyServer.start(config, ProxyServer.productionAdapters(config, processEnv)), null,
                null);
    }

    private static ProxyServer.Adapters adapters(CliClaudeRunner runner, SessionRepository sessions,
                                                 TraceRepository traces, List<HealthProbe> probes,
                                                 AutoCloseable storage) {
        return new ProxyServer.Adapters(runner, new TestIds(), sessions, runner.transcripts(), traces, probes,
                runner::liveProcesses, () -> {
                    try (storage) {
                        runner.close();
                    }
                });
    }

    /** The config of a test server: its logs in {@code dir}, no shutdown grace unless {@code env} sets one. */
    private static ProxyConfig config(Path dir, Map<String, String> env) {
        // tests that close a server with work in flight want it gone at once, unless they test the grace
        Map<String, String> all = new HashMap<>(Map.of("CLAUDE_PROXY_HOST", "127.0.0.1",
                "CLAUDE_PROXY_SHUTDOWN_GRACE_MS", "0", "CLAUDE_PROXY_LOG_DIR", dir.resolve("logs").toString(),
                "CLAUDE_PROXY_DATA_DIR", dir.resolve("data").toString()));
        all.putAll(env);
        return ConfigLoader.load(new String[] {"--port=0"}, all);
    }

    ScriptedCli cli() {
        return cli;
    }

    int port() {
        return server.port();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The official Anthropic Java SDK pointed at this server, without its own retries. */
    AnthropicClient anthropic() {
        return AnthropicOkHttpClient.builder().baseUrl(baseUrl()).apiKey("sk-test-client").maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }

    /** The official OpenAI Java SDK pointed at this server, without its own retries. */
    OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl(baseUrl() + "/v1").apiKey("x").maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }

    /** Waits up to 10 s for every child process of this JVM running a turn (a CLI run) to be gone. */
    static void awaitNoChildren() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!turnChildren().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * This JVM's live descendants but the CLI processes waiting for a turn (started ahead of need, or kept after a
     * conversation's turn) and what they started: the processes of turns, which must end with their turn.
     */
    static List<ProcessHandle> turnChildren() {
        Set<Long> waiting = new HashSet<>();
        RUNNERS.forEach(r -> java.util.stream.Stream.concat(r.waitingProcessIds().stream(),
                r.parkedProcessIds().stream()).forEach(pid -> {
            waiting.add(pid);
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> waiting.add(d.pid())));
        }));
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> !waiting.contains(p.pid())).toList();
    }

    /** How many resumed turns were written to a CLI process kept from the conversation's previous turn. */
    long liveConversationHits() {
        return runner == null ? 0 : runner.liveStats().hits();
    }

    /** This server's CLI processes now waiting for a turn. */
    List<Long> waitingCliProcesses() {
        return runner == null ? List.of() : runner.waitingProcessIds();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (runner != null) {
                RUNNERS.remove(runner);
            }
        }
    }
}
