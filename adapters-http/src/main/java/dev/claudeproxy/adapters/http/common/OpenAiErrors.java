package dev.claudeproxy.adapters.http.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenAI-shaped error answers ({@code {"error":{message,type,param,code}}}) for the Chat Completions paths. */
public final class OpenAiErrors {

    // an invalid request names its field first: "messages.0.tool_calls.1.function.arguments: must be ..."
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*): ");

    private OpenAiErrors() {
    }

    /** Whether errors on this path are answered in OpenAI's shape. */
    public static boolean appliesTo(String path) {
        return path.startsWith("/v1/chat/") || path.startsWith("/chat/") || path.equals("/v1/chat")
                || path.equals("/chat");
    }

    /** OpenAI clients retry 429 and 503 differently: a full queue is a rate limit, an overloaded upstream a 503. */
    public static int status(ReplyError error) {
        return switch (error.kind()) {
            case OVERLOADED -> isQueueFull(error) ? 429 : 503;
            default -> ApiErrors.status(error.kind());
        };
    }

    public static ObjectNode body(ReplyError error) {
        ObjectNode body = WireJson.object();
        ObjectNode inner = body.putObject("error").put("message", error.message()).put("type", type(error));
        inner.put("param", param(error)).put("code", code(error));
        return body;
    }

    private static String type(ReplyError error) {
        return switch (error.kind()) {
            case INVALID_REQUEST, REQUEST_TOO_LARGE -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case RATE_LIMITED -> "rate_limit_error";
            case OVERLOADED -> isQueueFull(error) ? "rate_limit_error" : "server_error";
            case TIMEOUT -> "timeout";
            case API_ERROR -> "server_error";
        };
    }

    private static String code(ReplyError error) {
        return switch (error.kind()) {
            case AUTHENTICATION -> "invalid_api_key";
            case REQUEST_TOO_LARGE -> "request_too_large";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case OVERLOADED -> isQueueFull(error) ? "rate_limit_exceeded" : "overloaded";
            case TIMEOUT -> "timeout";
            default -> null;
        };
    }

    private static String param(ReplyError error) {
        if (error.kind() != ErrorKind.INVALID_REQUEST) {
            return null;
        }
        Matcher field = FIELD.matcher(error.message());
        return field.find() ? field.group(1) : null;
    }

    private static boolean isQueueFull(ReplyError error) {
        return "queue_timeout".equals(error.reason());
    }
}
