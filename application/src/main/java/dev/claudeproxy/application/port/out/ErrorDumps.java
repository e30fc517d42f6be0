package dev.claudeproxy.application.port.out;

import java.util.Optional;

/** One JSON file per failed request ({@code errors/<requestId>.json}) holding its full context. */
public interface ErrorDumps {

    /**
     * Writes (or replaces) the dump of a request; a reader never sees a half-written file. The id must be a safe
     * request id; anything else is refused with an {@link IllegalArgumentException}.
     */
    void write(String requestId, String json);

    /** The dump of a request, if one was written. */
    Optional<String> read(String requestId);
}
