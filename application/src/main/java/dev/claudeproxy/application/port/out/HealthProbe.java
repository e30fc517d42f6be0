package dev.claudeproxy.application.port.out;

/** A check that something the server needs (its database, the CLI) is there and answering. */
public interface HealthProbe {

    /** A short name for health reports, e.g. {@code database}. */
    String name();

    /** Checks now; never throws. */
    Result check();

    /** Whether the check passed, and what it saw. */
    record Result(boolean up, String detail) {
        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }
}
