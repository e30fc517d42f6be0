package dev.claudeproxy.application.port.in;

/**
 * Figures about stored sessions: how many, how many still within their lifetime, resumes and failures
 * recorded on them, and since the server started how many turns looked for a session and how many found one.
 */
public record SessionStats(int total, int active, long resumes, long failures, long lookups, long hits) {

    /** The share of lookups that found a session to resume, 0 when there were none. */
    public double hitRate() {
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
