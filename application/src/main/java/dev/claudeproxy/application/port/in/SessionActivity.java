package dev.claudeproxy.application.port.in;

/** What sessions did since the server started: lookups for a session, hits among them, resumes and failed resumes. */
public record SessionActivity(long lookups, long hits, long resumes, long failures) {

    /** Lookups that found no session to resume. */
    public long misses() {
        return lookups - hits;
    }
}
