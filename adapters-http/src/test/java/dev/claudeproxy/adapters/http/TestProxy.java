package dev.claudeproxy.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.application.port.in.CountTokensUseCase;
import dev.claudeproxy.application.port.in.ListModelsUseCase;
import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.application.port.out.IdGenerator;
import dev.claudeproxy.domain.model.ModelCatalog;
import dev.claudeproxy.domain.model.ModelInfo;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.spi.ServerFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A real web server on a free port running the production routing over in-memory fakes, plus a client. */
public final class TestProxy implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Duration PING_INTERVAL = Duration.ofMillis(200);

    public final FakeCreateMessage createMessage = new FakeCreateMessage();
    public final AtomicInteger countedTokens = new AtomicInteger(42);
    public final FakeSessions sessions = new FakeSessions();
    public final FakeInspect inspect = new FakeInspect();
    public volatile QueueStatus queueStatus = new QueueStatus(1, 2, 5);
    public final QueueStatusQuery queue = () -> queueStatus;
    private final WebServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public TestProxy() {
        this(PING_INTERVAL);
    }

    public TestProxy(Duration pingInterval) {
        this(pingInterval, Optional.empty(), 10 * 1024 * 1024);
    }

    public TestProxy(Duration pingInterval, Optional<String> apiKey, long maxBodyBytes) {
        this(pingInterval, apiKey, maxBodyBytes, proxy -> List.of());
    }

    /** With server features made from this proxy's fakes (e.g. observability over its queue and sessions). */
    public TestProxy(Optional<String> apiKey, Function<TestProxy, List<ServerFeature>> features) {
        this(PING_INTERVAL, apiKey, 10 * 1024 * 1024, features);
    }

    private TestProxy(Duration pingInterval, Optional<String> apiKey, long maxBodyBytes,
                      Function<TestProxy, List<ServerFeature>> features) {
        AtomicInteger nextId = new AtomicInteger();
        IdGenerator ids = prefix -> prefix + "%024d".formatted(nextId.incrementAndGet());
        CountTokensUseCase countTokens = command -> countedTokens.get();
        ListModelsUseCase models = new ListModelsUseCase() {
            @Override
            public List<ModelInfo> listModels() {
                return ModelCatalog.all();
            }

            @Override
            public Optional<ModelInfo> findModel(String id) {
                return ModelCatalog.find(id);
            }
        };
        HttpDependencies deps = new HttpDependencies(createMessage, countTokens, models, queue, ids, "9.9.9",
                pingInterval, apiKey, maxBodyBytes, sessions, inspect, java.util.Map.of("maxConcurrent", 5,
                "logDir", "/var/log/x", "debug", false));
        server = WebServer.builder().host("127.0.0.1").port(0)
                .featuresDiscoverServices(false)
                .features(features.apply(this))
                .routing(routing -> ProxyHttp.routing(routing, deps))
                .build().start();
    }

    public int port() {
        return server.port();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(request(path).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a response body as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    public HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        server.stop();
    }
}
