package dev.claudeproxy.domain.message;

/** Thrown when a request's content breaks a domain rule; the message says which rule. */
public final class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
