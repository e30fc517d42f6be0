package dev.claudeproxy.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the model read in one request the CLI sent upstream, as plain text rather than escaped JSON. */
final class UpstreamText {

    private UpstreamText() {
    }

    /** Every string of the {@code system} field, joined by newlines. */
    static String system(JsonNode body) {
        return strings(body.path("system"));
    }

    /** Every string of the last user message: the prompt the CLI was given (it may add a system message after it). */
    static String userTurn(JsonNode body) {
        JsonNode userTurn = null;
        for (JsonNode message : body.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                userTurn = message;
            }
        }
        return userTurn == null ? "" : strings(userTurn.path("content"));
    }

    private static String strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return String.join("\n", out);
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.forEach(child -> collect(child, out));
    }
}
