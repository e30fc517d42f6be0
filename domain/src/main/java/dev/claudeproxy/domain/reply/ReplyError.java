package dev.claudeproxy.domain.reply;

import java.util.Objects;

/** An error answered to a client: its kind, a message for the client and a short reason for traces. */
public record ReplyError(ErrorKind kind, String message, String reason) {

    public ReplyError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        reason = reason == null ? kind.name().toLowerCase(java.util.Locale.ROOT) : reason;
    }

    public static ReplyError invalidRequest(String message) {
        return new ReplyError(ErrorKind.INVALID_REQUEST, message, "invalid_request");
    }

    public static ReplyError notFound(String message) {
        return new ReplyError(ErrorKind.NOT_FOUND, message, "not_found");
    }
}
