package dev.claudeproxy.adapters.http.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Error answers, Anthropic-shaped unless {@link OpenAiErrors} applies to the path: the HTTP status and error type of each {@link ErrorKind}, and the JSON body. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static int status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> 400;
            case AUTHENTICATION -> 401;
            case PERMISSION -> 403;
            case NOT_FOUND -> 404;
            case REQUEST_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case OVERLOADED -> 529;
            case TIMEOUT -> 504;
            case API_ERROR -> 500;
        };
    }

    public static String type(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case REQUEST_TOO_LARGE -> "request_too_large";
            case RATE_LIMITED -> "rate_limit_error";
            case OVERLOADED -> "overloaded_error";
            case TIMEOUT -> "timeout_error";
            case API_ERROR -> "api_error";
        };
    }

    /** The kind an HTTP status stands for, for errors raised by the web server itself. */
    public static ErrorKind kindOf(int status) {
        return switch (status) {
            case 400, 405, 411, 415, 422 -> ErrorKind.INVALID_REQUEST;
            case 401 -> ErrorKind.AUTHENTICATION;
            case 403 -> ErrorKind.PERMISSION;
            case 404 -> ErrorKind.NOT_FOUND;
            case 413 -> ErrorKind.REQUEST_TOO_LARGE;
            case 429 -> ErrorKind.RATE_LIMITED;
            case 503, 529 -> ErrorKind.OVERLOADED;
            case 504 -> ErrorKind.TIMEOUT;
            default -> ErrorKind.API_ERROR;
        };
    }

    /** {@code {"type":"error","error":{"type":T,"message":M},"request_id":R}}. */
    public static ObjectNode body(ReplyError error, String requestId) {
        ObjectNode body = WireJson.object().put("type", "error");
        body.putObject("error").put("type", type(error.kind())).put("message", error.message());
        return body.put("request_id", requestId);
    }

    /** Answers the request with the error as JSON and its status, in OpenAI's shape on the OpenAI paths. */
    public static void send(ServerRequest req, ServerResponse res, ReplyError error) {
        boolean openAi = OpenAiErrors.appliesTo(req.path().path());
        send(req, res, openAi ? OpenAiErrors.status(error) : status(error.kind()), error);
    }

    /** Answers with an explicit status, for the few cases (501, the web server's own) no kind stands for. */
    public static void send(ServerRequest req, ServerResponse res, int status, ReplyError error) {
        WireJson.send(res, status, OpenAiErrors.appliesTo(req.path().path())
                ? OpenAiErrors.body(error) : body(error, RequestId.of(req)));
    }
}
