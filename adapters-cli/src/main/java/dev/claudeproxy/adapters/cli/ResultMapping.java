package dev.claudeproxy.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Maps the CLI's {@code result} line to the turn's end: completed with real usage, or a typed failure. */
final class ResultMapping {

    private ResultMapping() {
    }

    static TurnEvent toEvent(JsonNode result) {
        if (!result.path("is_error").asBoolean(false)) {
            return new TurnEvent.Completed(result.path("result").asText(""),
                    StopReason.fromWire(result.path("stop_reason").asText(null)), usage(result.path("usage")));
        }
        String message = errorMessage(result);
        JsonNode status = result.path("api_error_status");
        if (status.isInt()) {
            int code = status.asInt();
            return new TurnEvent.Failed(upstreamKind(code), message, OptionalInt.of(code));
        }
        if ("api_error".equals(result.path("terminal_reason").asText())) {
            return TurnEvent.Failed.of(FailureKind.UPSTREAM_ERROR, message);
        }
        if (message.contains("No conversation found") || message.contains("--resume requires")) {
            return TurnEvent.Failed.of(FailureKind.RESUME_NOT_FOUND, message);
        }
        return TurnEvent.Failed.of(FailureKind.CLI_ERROR, message);
    }

    private static FailureKind upstreamKind(int status) {
        return switch (status) {
            case 529 -> FailureKind.UPSTREAM_OVERLOADED;
            case 429 -> FailureKind.UPSTREAM_RATE_LIMITED;
            case 401, 403 -> FailureKind.UPSTREAM_AUTH;
            default -> FailureKind.UPSTREAM_ERROR;
        };
    }

    private static String errorMessage(JsonNode result) {
        List<String> parts = new ArrayList<>();
        String text = result.path("result").asText("");
        if (!text.isBlank()) {
            parts.add(text);
        }
        for (JsonNode e : result.path("errors")) {
            parts.add(e.asText());
        }
        if (parts.isEmpty()) {
            parts.add("Claude Code CLI reported an error (" + result.path("subtype").asText("unknown") + ")");
        }
        return String.join("; ", parts);
    }

    static Usage usage(JsonNode usage) {
        return new Usage(count(usage, "input_tokens"), count(usage, "output_tokens"),
                count(usage, "cache_creation_input_tokens"), count(usage, "cache_read_input_tokens"));
    }

    private static int count(JsonNode usage, String field) {
        return Math.max(0, usage.path(field).asInt(0));
    }
}
