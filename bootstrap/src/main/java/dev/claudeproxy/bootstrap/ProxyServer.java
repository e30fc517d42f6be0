package dev.claudeproxy.bootstrap;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.CliVersionProbe;
import dev.claudeproxy.adapters.cli.LiveSettings;
import dev.claudeproxy.adapters.cli.WarmSettings;
import dev.claudeproxy.adapters.cli.ExecutableLocator;
import dev.claudeproxy.adapters.http.HttpDependencies;
import dev.claudeproxy.adapters.http.ProxyHttp;
import dev.claudeproxy.adapters.http.common.DrainFilter;
import dev.claudeproxy.adapters.http.observe.Observability;
import dev.claudeproxy.adapters.persistence.Database;
import dev.claudeproxy.adapters.persistence.DatabaseSettings;
import dev.claudeproxy.adapters.persistence.session.CachedSessionRepository;
import dev.claudeproxy.adapters.persistence.DatabaseProbe;
import dev.claudeproxy.adapters.persistence.logs.LogDirectory;
import dev.claudeproxy.adapters.persistence.session.JdbcSessionRepository;
import dev.claudeproxy.adapters.persistence.trace.CachedTraceRepository;
import dev.claudeproxy.adapters.persistence.trace.JdbcTraceRepository;
import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.application.port.in.SessionCleanup;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.HealthProbe;
import dev.claudeproxy.application.port.out.IdGenerator;
import dev.claudeproxy.application.port.out.SessionRepository;
import dev.claudeproxy.application.port.out.SessionTranscripts;
import dev.claudeproxy.application.port.out.TraceRepository;
import dev.claudeproxy.application.service.AdmissionQueue;
import dev.claudeproxy.application.service.ConversationSessions;
import dev.claudeproxy.application.service.CountTokensService;
import dev.claudeproxy.application.service.CreateMessageService;
import dev.claudeproxy.application.service.InspectRequestsService;
import dev.claudeproxy.application.service.ListModelsService;
import dev.claudeproxy.application.service.RequestTraces;
import dev.claudeproxy.application.service.Watchdogs;
import dev.claudeproxy.bootstrap.config.ProxyConfig;
import dev.claudeproxy.bootstrap.config.SessionConfig;
import dev.claudeproxy.bootstrap.config.WarmConfig;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/** The composition root: wires adapters → services → HTTP, starts the web server, and stops it all. */
public final class ProxyServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProxyServer.class.getName());
    private static final int SESSION_CACHE_SIZE = 1_000;

    /**
     * The outbound adapters a server runs with; tests swap them for scripted or in-memory ones. {@code shutdown}
     * runs when the server stops (kill the CLIs, close the database).
     */
    public record Adapters(ClaudeRunner runner, IdGenerator ids, SessionRepository sessions,
                           SessionTranscripts transcripts, TraceRepository traces, List<HealthProbe> probes,
                           IntSupplier liveProcesses, AutoCloseable shutdown) {
        public Adapters {
            Objects.requireNonNull(traces, "traces");
            probes = List.copyOf(probes);
            Objects.requireNonNull(liveProcesses, "liveProcesses");
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(transcripts, "transcripts");
            Objects.requireNonNull(shutdown, "shutdown");
        }
    }

    private final WebServer server;
    private final Adapters adapters;
    private final ScheduledExecutorService housekeeping;
    private final DrainFilter drain;
    private final QueueStatusQuery queue;
    private final Duration shutdownGrace;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ProxyServer(WebServer server, Adapters adapters, ScheduledExecutorService housekeeping, DrainFilter drain,
                        QueueStatusQuery queue, Duration shutdownGrace) {
        this.server = server;
        this.adapters = adapters;
        this.housekeeping = housekeeping;
        this.drain = drain;
        this.queue = queue;
        this.shutdownGrace = shutdownGrace;
    }

    /** The adapters of a real deployment: the claude CLI found by config or on the PATH. */
    public static Adapters productionAdapters(ProxyConfig config, Map<String, String> env) {
        Optional<Path> executable = ExecutableLocator.locate(config.claudePath(), env.get("PATH"));
        if (executable.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Claude Code CLI not found (looked for \"{0}\"{1}): every request "
                    + "will fail with 500 until it is installed or CLAUDE_PROXY_CLAUDE_PATH points at it.",
                    config.claudePath(), config.claudePath().contains("/") ? "" : " on the PATH");
        } else {
            LOG.log(System.Logger.Level.INFO, "Claude Code CLI: {0}", executable.get());
        }
        CliSettings cli = new CliSettings(executable, config.cliWorkDir().toAbsolutePath(), Map.of(),
                config.cliMaxRetries(), Duration.ofSeconds(5), warmSettings(config.warm()))
                .withLive(liveSettings(config.warm()));
        CliClaudeRunner runner = new CliClaudeRunner(cli);
        Database database = Database.open(databaseSettings(config.sessions()));
        SessionRepository sessions = new CachedSessionRepository(
                new JdbcSessionRepository(database.dataSource()), SESSION_CACHE_SIZE);
        CachedTraceRepository traces = CachedTraceRepository.writingBehind(
                new JdbcTraceRepository(database.dataSource()), config.traces().recentInMemory());
        List<HealthProbe> probes = List.of(new DatabaseProbe(database.dataSource()), new CliVersionProbe(cli));
        return new Adapters(runner, new SecureRandomIds(), sessions, runner.transcripts(), traces, probes,
                runner::liveProcesses, () -> {
                    try (database; traces) { // the last traces are written before the database closes
                        runner.close();
                    }
                });
    }

    /** The warm CLI processes the config asks for. */
    public static WarmSettings warmSettings(WarmConfig warm) {
        return warm.maxProcesses() == 0 ? WarmSettings.off() : new WarmSettings(warm.perKind(), warm.maxProcesses(),
                warm.idleLifetime(), warm.maxMemoryMb() * 1024 * 1024);
    }

    /** The live conversations the config asks for. */
    public static LiveSettings liveSettings(WarmConfig warm) {
        return warm.liveConversations() == 0 ? LiveSettings.off()
                : new LiveSettings(warm.liveConversations(), warm.liveIdleLifetime());
    }

    /** The configured database: another one by JDBC URL, else the embedded file in the data folder. */
    static DatabaseSettings databaseSettings(SessionConfig config) {
        return config.dbUrl()
                .map(url -> new DatabaseSettings(url, config.dbUser(), config.dbPassword()))
                .orElseGet(() -> DatabaseSettings.embeddedIn(config.dataDir()));
    }

    public static ProxyServer start(ProxyConfig config, Adapters adapters) {
        AdmissionQueue queue = new AdmissionQueue(config.maxConcurrent(), config.queueTimeout());
        SessionConfig sessionConfig = config.sessions();
        ConversationSessions sessions = new ConversationSessions(adapters.sessions(), adapters.transcripts(),
                Clock.systemUTC(), sessionConfig.ttl(), sessionConfig.maxSessions());
        LogDirectory logs = new LogDirectory(config.logDir());
        Map<String, Object> limits = Map.of("stallTimeoutMs", config.stallTimeout().toMillis(),
                "maxDurationMs", config.maxDuration().toMillis(), "maxOutputChars", config.maxOutputChars(),
                "maxConcurrent", config.maxConcurrent(), "queueTimeoutMs", config.queueTimeout().toMillis());
        Observability observability = new Observability(adapters.probes(), queue, adapters.liveProcesses(),
                sessions);
        RequestTraces traces = new RequestTraces(Clock.systemUTC(), Optional.of(adapters.traces()),
                Optional.of(logs), List.of(observability.requestMetrics()), limits);
        HttpDependencies deps = new HttpDependencies(
                new CreateMessageService(adapters.runner(), queue, adapters.ids(), config.streamCommitGrace(),
                        Optional.of(sessions),
                        new Watchdogs(config.stallTimeout(), config.maxDuration(), config.maxOutputChars()),
                        traces),
                new CountTokensService(), new ListModelsService(), queue, adapters.ids(), version(),
                config.pingInterval(), config.apiKey(), config.maxBodyBytes(), sessions,
                new InspectRequestsService(traces, adapters.traces(), logs, logs), config.publicSettings());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("housekeeping").factory());
        long period = sessionConfig.cleanupInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(() -> cleanUp(sessions, adapters.traces(), config.traces().retention()),
                0, period, TimeUnit.MILLISECONDS);
        HealthLog health = new HealthLog(traces, queue, adapters.liveProcesses());
        long healthPeriod = config.traces().healthLogInterval().toMillis();
        housekeeping.scheduleAtFixedRate(health::log, healthPeriod, healthPeriod, TimeUnit.MILLISECONDS);
        DrainFilter drain = new DrainFilter();
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false) // only the features named here
                .addFeature(observability.feature())
                .routing(routing -> ProxyHttp.routing(routing.addFilter(drain), deps))
                .build()
                .start();
        return new ProxyServer(server, adapters, housekeeping, drain, queue, config.shutdownGrace());
    }

    private static void cleanUp(ConversationSessions sessions, TraceRepository traces, Duration retention) {
        try {
            SessionCleanup done = sessions.cleanup();
            if (done.expired() + done.evicted() > 0) {
                LOG.log(System.Logger.Level.INFO, "sessions.cleanup", Map.of("expired", done.expired(),
                        "evicted", done.evicted(), "remaining", done.remaining()));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "session cleanup failed", e);
        }
        try {
            int removed = traces.removeReceivedBefore(Instant.now().minus(retention));
            if (removed > 0) {
                LOG.log(System.Logger.Level.INFO, "traces.cleanup", Map.of("removed", removed));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "trace cleanup failed", e);
        }
    }

    public int port() {
        return server.port();
    }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = ProxyServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Shuts down gracefully: new requests are refused at once, running and queued ones may finish within the
     * shutdown grace; then every CLI process still running is killed, the database closed and the server stopped.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "proxy.shutdown", Map.of("graceMs", shutdownGrace.toMillis(),
                "active", queue.queueStatus().active(), "waiting", queue.queueStatus().waiting()));
        drain.startDraining();
        awaitIdle();
        housekeeping.shutdownNow();
        try {
            adapters.shutdown().close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing the adapters failed", e);
        }
        server.stop();
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        try {
            while (busy() && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (busy()) {
            QueueStatus q = queue.queueStatus();
            LOG.log(System.Logger.Level.WARNING, "shutdown grace of {0} ms over: stopping {1} running and {2} "
                    + "queued requests", shutdownGrace.toMillis(), q.active(), q.waiting());
        }
    }

    private boolean busy() {
        QueueStatus q = queue.queueStatus();
        return q.active() + q.waiting() > 0;
    }
}
