package dev.claudeproxy.adapters.http;

import dev.claudeproxy.application.port.in.SessionActivity;
import dev.claudeproxy.application.port.in.SessionCleanup;
import dev.claudeproxy.application.port.in.SessionStats;
import dev.claudeproxy.application.port.in.SessionsOverview;
import dev.claudeproxy.application.port.in.SessionsUseCase;
import dev.claudeproxy.domain.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Sessions held in a map, with fixed figures, recording what the HTTP layer asked of them. */
public final class FakeSessions implements SessionsUseCase {

    public final Map<String, Session> sessions = new ConcurrentHashMap<>();
    public final List<String> deleted = new ArrayList<>();
    public final AtomicInteger cleanups = new AtomicInteger();
    public volatile SessionActivity activity = new SessionActivity(0, 0, 0, 0);

    @Override
    public SessionsOverview overview() {
        List<Session> list = List.copyOf(sessions.values());
        return new SessionsOverview(list, new SessionStats(list.size(), list.size(), 3, 1, 4, 3));
    }

    @Override
    public SessionActivity activity() {
        return activity;
    }

    @Override
    public SessionCleanup cleanup() {
        cleanups.incrementAndGet();
        return new SessionCleanup(2, 1, sessions.size());
    }

    @Override
    public synchronized boolean delete(String conversationId) {
        deleted.add(conversationId);
        return sessions.remove(conversationId) != null;
    }
}
