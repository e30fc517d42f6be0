package dev.claudeproxy.adapters.cli.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request {@link FakeUpstream} received: path includes the query, header names are lower case,
 * the body is parsed JSON (a text node if it was not JSON, a null node if it was empty).
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, JsonNode body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
