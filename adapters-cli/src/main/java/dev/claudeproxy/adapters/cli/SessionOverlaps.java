package dev.claudeproxy.adapters.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The turns running per CLI session, to tell whether a turn ran alone: a process whose session had another turn
 * meanwhile (in another process) does not hold the whole conversation, so it must not take the next one.
 * Not thread-safe: its owner guards it.
 */
final class SessionOverlaps {

    private static final class Use {
        int running;
        boolean overlapped;
    }

    private final Map<String, Use> uses = new HashMap<>();

    void enter(String sessionId) {
        Use use = uses.computeIfAbsent(sessionId, id -> new Use());
        use.running++;
        if (use.running > 1) {
            use.overlapped = true;
        }
    }

    /** A turn of the session ended; true if no other turn of it ran at any time while it did. */
    boolean leave(String sessionId) {
        Use use = uses.get(sessionId);
        if (use == null) {
            return false;
        }
        boolean alone = !use.overlapped;
        if (--use.running == 0) {
            uses.remove(sessionId);
        }
        return alone;
    }
}
