package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.out.ErrorDumps;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Error dumps kept in a map, for service tests. */
public final class MapErrorDumps implements ErrorDumps {

    public final Map<String, String> dumps = new ConcurrentHashMap<>();

    @Override
    public void write(String requestId, String json) {
        dumps.put(requestId, json);
    }

    @Override
    public Optional<String> read(String requestId) {
        return Optional.ofNullable(dumps.get(requestId));
    }
}
