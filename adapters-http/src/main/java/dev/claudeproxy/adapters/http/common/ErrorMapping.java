package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyException;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Turns exceptions escaping a handler into Anthropic error answers; unexpected ones never leak their details. */
public final class ErrorMapping {

    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(InvalidRequestException.class, ErrorMapping::invalidRequest)
                .error(ReplyException.class, ErrorMapping::replyFailed)
                .error(HttpException.class, ErrorMapping::serverRefused)
                .error(Exception.class, ErrorMapping::unexpected);
    }

    /** The catch-all route: {@code METHOD PATH not found}. */
    public static void notFound(ServerRequest req, ServerResponse res) {
        String message = req.prologue().method().text() + " " + req.path().rawPath() + " not found";
        ApiErrors.send(req, res, ReplyError.notFound(message));
    }

    private static void invalidRequest(ServerRequest req, ServerResponse res, InvalidRequestException e) {
        ApiErrors.send(req, res, ReplyError.invalidRequest(e.getMessage()));
    }

    private static void replyFailed(ServerRequest req, ServerResponse res, ReplyException e) {
        ApiErrors.send(req, res, e.error());
    }

    private static void serverRefused(ServerRequest req, ServerResponse res, HttpException e) {
        int status = e.status().code();
        String message = status >= 500 ? "Internal server error." : e.getMessage();
        ApiErrors.send(req, res, status, new ReplyError(ApiErrors.kindOf(status), message, null));
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        String requestId = RequestId.of(req);
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure of request " + requestId, e);
        ApiErrors.send(req, res, new ReplyError(ErrorKind.API_ERROR,
                "Internal server error (request " + requestId + ").", "unexpected_exception"));
    }
}
