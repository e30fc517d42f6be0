package dev.claudeproxy.application.port.in;

import dev.claudeproxy.domain.session.Session;
import java.util.List;

/** The stored sessions, most recently used first, with their figures. */
public record SessionsOverview(List<Session> sessions, SessionStats stats) {
    public SessionsOverview {
        sessions = List.copyOf(sessions);
    }
}
