package dev.claudeproxy.adapters.cli;

import java.util.Optional;

/**
 * The keeper of one turn of a persisted session: it tells live conversations when the turn's session is known and
 * when the turn ends, and the process is parked if the turn completed in the session it was meant for.
 */
final class LiveTurnKeeper implements ProcessKeeper {

    private final LiveConversations live;
    private final LiveKey key;
    private String sessionId;
    private boolean otherSession;
    private boolean over;

    LiveTurnKeeper(LiveConversations live, LiveKey key, Optional<String> resumed) {
        this.live = live;
        this.key = key;
        resumed.ifPresent(this::enter);
    }

    @Override
    public synchronized void sessionStarted(String id) {
        if (over) {
            return;
        }
        if (sessionId == null) {
            enter(id);
        } else if (!sessionId.equals(id)) {
            otherSession = true; // a CLI that forked the resumed session: its process holds neither one whole
        }
    }

    @Override
    public synchronized boolean keep(CliProcess process, boolean completed) {
        over = true;
        return sessionId != null && live.finish(sessionId, key, process, completed && !otherSession);
    }

    private void enter(String id) {
        sessionId = id;
        live.begin(id);
    }
}
