package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.reply.ReplyException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** Runs a streamed reply into an {@link SseReplySink}, so every API answers stream failures the same way. */
public final class ReplyStreaming {

    private static final System.Logger LOG = System.getLogger(ReplyStreaming.class.getName());
    private static final ReplyError INCOMPLETE = new ReplyError(ErrorKind.API_ERROR,
            "The reply ended before it was complete.", "incomplete_reply");

    private ReplyStreaming() {
    }

    /**
     * Feeds the events {@code producer} emits to the client: a failure before the start is a JSON error answer
     * (through the error mapping), after it an error frame; a client that has gone closes the connection.
     */
    public static void serve(ServerRequest req, ServerResponse res, String requestId, Duration pingInterval,
                             SseFormat format, Consumer<Consumer<ReplyEvent>> producer) {
        SseReplySink sink = new SseReplySink(req, res, requestId, pingInterval, format);
        try {
            producer.accept(sink);
            sink.failIfOpen(INCOMPLETE);
        } catch (SseReplySink.ClientGoneException e) {
            // the use case has cancelled its CLI run; just drop the connection
            throw new CloseConnectionException("The client closed the stream.", e);
        } catch (RuntimeException e) {
            if (!sink.committed()) {
                throw e; // nothing sent yet: the error mapping answers with a JSON error
            }
            sink.failIfOpen(midStreamError(e, requestId));
        } finally {
            sink.close();
        }
    }

    private static ReplyError midStreamError(RuntimeException e, String requestId) {
        if (e instanceof ReplyException reply) {
            return reply.error();
        }
        LOG.log(System.Logger.Level.ERROR, "Stream of request " + requestId + " failed", e);
        return new ReplyError(ErrorKind.API_ERROR, "Internal server error (request " + requestId + ").",
                "unexpected_exception");
    }
}
