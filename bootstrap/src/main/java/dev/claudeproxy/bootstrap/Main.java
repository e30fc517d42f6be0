package dev.claudeproxy.bootstrap;

import dev.claudeproxy.adapters.persistence.logs.LogSetup;
import dev.claudeproxy.adapters.persistence.logs.ShutdownSafeLogManager;
import dev.claudeproxy.bootstrap.config.ConfigLoader;
import dev.claudeproxy.bootstrap.config.HelpRequestedException;
import dev.claudeproxy.bootstrap.config.ProxyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.LogManager;

/** Starts claude-proxy: config from application.yaml, CLAUDE_PROXY_* variables and flags, then the server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // before anything touches JUL: keep our log handlers alive until our own shutdown hook has logged
        System.setProperty("java.util.logging.manager", System.getProperty("java.util.logging.manager",
                ShutdownSafeLogManager.class.getName()));
        // H2's AUTO_SERVER (SQL access while the server runs) listens on loopback only, never on every interface
        System.setProperty("h2.bindAddress", System.getProperty("h2.bindAddress", "127.0.0.1"));
        configureLogging();
        ProxyConfig config;
        try {
            config = ConfigLoader.load(args, System.getenv());
        } catch (HelpRequestedException help) {
            System.out.println(help.usage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("claude-proxy: " + e.getMessage());
            System.err.println("Run with --help to see every setting.");
            System.exit(2);
            return;
        }
        // debug mode logs at debug level at least (trace stays trace)
        String level = config.debug() && !config.logLevel().equals("trace") ? "debug" : config.logLevel();
        LogSetup logs = LogSetup.install(config.logDir(), level);
        long started = System.nanoTime();
        ProxyServer server = ProxyServer.start(config, ProxyServer.productionAdapters(config, System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            logs.close();
        }, "claude-proxy-shutdown"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", ProxyServer.version());
        fields.put("url", "http://" + config.host() + ":" + server.port());
        fields.put("pid", ProcessHandle.current().pid());
        fields.put("startupMs", (System.nanoTime() - started) / 1_000_000);
        fields.put("maxConcurrent", config.maxConcurrent());
        fields.put("authRequired", config.authRequired());
        fields.put("logDir", config.logDir().toAbsolutePath().toString());
        System.getLogger(Main.class.getName()).log(System.Logger.Level.INFO, "proxy.started", fields);
    }

    /** Until the configured JSON logs are installed: one line per record on stderr, unless the user brought a JUL configuration of their own. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("claude-proxy: could not read logging.properties: " + e.getMessage());
        }
    }
}
