package dev.claudeproxy.adapters.persistence.logs;

import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** Installs JSON-lines logging on the JUL root logger (stderr and the daily file); closing detaches the file. */
public final class LogSetup implements AutoCloseable {

    // held so the levels set on them are not lost when the loggers would otherwise be collected
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger APP = Logger.getLogger("dev.claudeproxy");
    private static final Logger HELIDON = Logger.getLogger("io.helidon");

    private final DailyFileHandler file;

    private LogSetup(DailyFileHandler file) {
        this.file = file;
    }

    /**
     * Replaces the root handlers with JSON lines to stderr and to {@code logDir}, at {@code level}. The level goes on
     * the root, on {@code dev.claudeproxy} (so a level from logging.properties cannot hide the app's own lines) and
     * on both handlers; {@code io.helidon} is held at INFO at most, as Helidon's debug output would drown the app's.
     */
    public static LogSetup install(Path logDir, String level) {
        return install(logDir, level, System.err);
    }

    static LogSetup install(Path logDir, String level, OutputStream stderr) {
        Level threshold = parseLevel(level);
        DailyFileHandler file = new DailyFileHandler(logDir);
        file.setLevel(threshold);
        Handler console = new StderrHandler(stderr);
        console.setLevel(threshold);
        for (Handler old : ROOT.getHandlers()) {
            ROOT.removeHandler(old);
            old.close();
        }
        ROOT.addHandler(console);
        ROOT.addHandler(file);
        ROOT.setLevel(threshold);
        APP.setLevel(threshold);
        HELIDON.setLevel(threshold.intValue() < Level.INFO.intValue() ? Level.INFO : threshold);
        if (LogManager.getLogManager() instanceof ShutdownSafeLogManager manager) {
            manager.keepHandlers(true);
        }
        return new LogSetup(file);
    }

    /**
     * The JUL level of a configured level name: {@code debug}, {@code info}, {@code warn} or {@code error} (any case;
     * {@code trace} too, for the most detail); anything else is refused with an {@link IllegalArgumentException}.
     */
    public static Level parseLevel(String level) {
        return switch (level == null ? "" : level.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.FINEST;
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> throw new IllegalArgumentException(
                    "unknown log level '" + level + "': expected one of trace, debug, info, warn, error");
        };
    }

    /** Removes and closes the file handler; stderr stays, so lines logged later in shutdown are not lost. */
    @Override
    public void close() {
        if (LogManager.getLogManager() instanceof ShutdownSafeLogManager manager) {
            manager.keepHandlers(false);
        }
        ROOT.removeHandler(file);
        file.close();
    }

    /** JSON lines to a stream that is flushed after every record and never closed (it is stderr). */
    private static final class StderrHandler extends StreamHandler {

        StderrHandler(OutputStream out) {
            super(out, new JsonLineFormatter());
            try {
                setEncoding("UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }
}
