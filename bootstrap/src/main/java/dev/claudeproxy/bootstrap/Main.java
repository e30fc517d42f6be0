package dev.claudeproxy.bootstrap;

import dev.claudeproxy.bootstrap.config.ConfigLoader;
import dev.claudeproxy.bootstrap.config.HelpRequestedException;
import dev.claudeproxy.bootstrap.config.ProxyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Starts claude-proxy: config from application.yaml, CLAUDE_PROXY_* variables and flags, then the server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
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
        applyLogLevel(config.logLevel());
        long started = System.nanoTime();
        ProxyServer server = ProxyServer.start(config, ProxyServer.productionAdapters(config, System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "claude-proxy-shutdown"));
        System.getLogger(Main.class.getName()).log(System.Logger.Level.INFO,
                "claude-proxy {0} listening on http://{1}:{2} (started in {3} ms)", ProxyServer.version(),
                config.host(), String.valueOf(server.port()), String.valueOf((System.nanoTime() - started) / 1_000_000));
    }

    // held so the level set on it is not lost when the logger would otherwise be collected
    private static final Logger PROXY_LOGGER = Logger.getLogger("dev.claudeproxy");

    private static void applyLogLevel(String level) {
        PROXY_LOGGER.setLevel(switch (level) {
            case "error" -> Level.SEVERE;
            case "warn" -> Level.WARNING;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> Level.INFO;
        });
    }

    /** One line per record on stderr, unless the user brought a JUL configuration of their own. */
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
