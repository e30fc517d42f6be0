package dev.claudeproxy.adapters.http;

import dev.claudeproxy.application.port.in.CountTokensUseCase;
import dev.claudeproxy.application.port.in.CreateMessageUseCase;
import dev.claudeproxy.application.port.in.InspectRequestsUseCase;
import dev.claudeproxy.application.port.in.ListModelsUseCase;
import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.application.port.in.SessionsUseCase;
import dev.claudeproxy.application.port.out.IdGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP adapter needs: the use cases, how often an open stream gets a {@code ping} event (15 s in
 * production), the API key clients must send (empty = open), the largest request body accepted, the sessions, the
 * debug questions and the settings shown to operators (nothing secret).
 */
public record HttpDependencies(CreateMessageUseCase createMessage, CountTokensUseCase countTokens,
                               ListModelsUseCase listModels, QueueStatusQuery queue, IdGenerator ids,
                               String version, Duration pingInterval, Optional<String> apiKey,
                               long maxBodyBytes, SessionsUseCase sessions, InspectRequestsUseCase inspect,
                               Map<String, Object> settings) {

    public HttpDependencies {
        Objects.requireNonNull(createMessage, "createMessage");
        Objects.requireNonNull(countTokens, "countTokens");
        Objects.requireNonNull(listModels, "listModels");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
        Objects.requireNonNull(apiKey, "apiKey");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(inspect, "inspect");
        settings = Map.copyOf(settings);
    }
}
