package dev.claudeproxy.bootstrap;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.ExecutableLocator;
import dev.claudeproxy.adapters.http.HttpDependencies;
import dev.claudeproxy.adapters.http.ProxyHttp;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.IdGenerator;
import dev.claudeproxy.application.service.AdmissionQueue;
import dev.claudeproxy.application.service.CountTokensService;
import dev.claudeproxy.application.service.CreateMessageService;
import dev.claudeproxy.application.service.ListModelsService;
import dev.claudeproxy.bootstrap.config.ProxyConfig;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The composition root: wires adapters → services → HTTP, starts the web server, and stops it all. */
public final class ProxyServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProxyServer.class.getName());

    /** The outbound adapters a server runs with; tests swap them for scripted or in-memory ones. */
    public record Adapters(ClaudeRunner runner, IdGenerator ids, AutoCloseable shutdown) {
        public Adapters {
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(shutdown, "shutdown");
        }
    }

    private final WebServer server;
    private final Adapters adapters;

    private ProxyServer(WebServer server, Adapters adapters) {
        this.server = server;
        this.adapters = adapters;
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
        CliClaudeRunner runner = new CliClaudeRunner(new CliSettings(executable,
                config.cliWorkDir().toAbsolutePath(), Map.of(), config.cliMaxRetries(), Duration.ofSeconds(5)));
        return new Adapters(runner, new SecureRandomIds(), runner);
    }

    public static ProxyServer start(ProxyConfig config, Adapters adapters) {
        AdmissionQueue queue = new AdmissionQueue(config.maxConcurrent(), config.queueTimeout());
        HttpDependencies deps = new HttpDependencies(
                new CreateMessageService(adapters.runner(), queue, adapters.ids(), config.streamCommitGrace()),
                new CountTokensService(), new ListModelsService(), queue, adapters.ids(), version(),
                config.pingInterval(), config.apiKey(), config.maxBodyBytes());
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .routing(routing -> ProxyHttp.routing(routing, deps))
                .build()
                .start();
        return new ProxyServer(server, adapters);
    }

    public int port() {
        return server.port();
    }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = ProxyServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Stops accepting requests, then kills every CLI process still running. */
    @Override
    public void close() {
        server.stop();
        try {
            adapters.shutdown().close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing the adapters failed", e);
        }
    }
}
