package dev.claudeproxy.domain.reply;

/** Carries a {@link ReplyError} out of a use case that answers without streaming. */
public final class ReplyException extends RuntimeException {

    private final transient ReplyError error;

    public ReplyException(ReplyError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ReplyError error() {
        return error;
    }
}
