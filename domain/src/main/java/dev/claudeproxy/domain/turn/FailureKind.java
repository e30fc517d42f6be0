package dev.claudeproxy.domain.turn;

/** Why a turn failed, in terms a client can act on. */
public enum FailureKind {
    /** The upstream API said it is overloaded (529). */
    UPSTREAM_OVERLOADED,
    /** The upstream API rate-limited the request (429). */
    UPSTREAM_RATE_LIMITED,
    /** The upstream API refused the CLI's credentials (401/403). */
    UPSTREAM_AUTH,
    /** Any other upstream failure: 5xx, connection refused, bad request. */
    UPSTREAM_ERROR,
    /** The CLI has no conversation for the session id it was asked to resume. */
    RESUME_NOT_FOUND,
    /** The CLI executable could not be started. */
    CLI_UNAVAILABLE,
    /** The CLI exited without a result. */
    CLI_CRASHED,
    /** The CLI finished the turn with an error result. */
    CLI_ERROR,
    /** The turn was cancelled by us (client gone, shutdown). */
    CANCELLED,
    /** The CLI printed nothing for longer than the stall timeout, and was killed. */
    STALLED,
    /** The turn ran longer than the maximum duration, and the CLI was killed. */
    TIMED_OUT,
    /** The model wrote more than the maximum output, and the CLI was killed. */
    OUTPUT_LIMIT
}
