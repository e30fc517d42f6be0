package dev.claudeproxy.adapters.persistence.logs;

import java.util.logging.LogManager;

/**
 * A JUL log manager whose handlers survive the JDK's own shutdown hook: that hook resets logging while other
 * shutdown hooks (ours, which log {@code proxy.shutdown}) still run, so once {@link LogSetup} has installed the
 * handlers, a reset waits for {@link LogSetup#close()}. Chosen with {@code -Djava.util.logging.manager} (Main sets it).
 */
public final class ShutdownSafeLogManager extends LogManager {

    private volatile boolean keepHandlers;

    public ShutdownSafeLogManager() {
        super();
    }

    void keepHandlers(boolean keep) {
        keepHandlers = keep;
    }

    @Override
    public void reset() {
        if (!keepHandlers) {
            super.reset();
        }
    }
}
