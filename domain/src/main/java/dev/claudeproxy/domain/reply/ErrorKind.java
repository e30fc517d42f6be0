package dev.claudeproxy.domain.reply;

/** The kinds of error a client can be answered with; each adapter maps them to its API's status and type. */
public enum ErrorKind {
    INVALID_REQUEST,
    AUTHENTICATION,
    PERMISSION,
    NOT_FOUND,
    REQUEST_TOO_LARGE,
    RATE_LIMITED,
    OVERLOADED,
    TIMEOUT,
    API_ERROR
}
