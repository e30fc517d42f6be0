package dev.claudeproxy.domain.json;

/** Thrown when text is not valid JSON. */
public final class JsonParseException extends RuntimeException {
    public JsonParseException(String message) {
        super(message);
    }
}
