package dev.claudeproxy.adapters.http.observe;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.observe.ObserverConfigBase;
import io.helidon.webserver.observe.spi.Observer;
import io.helidon.webserver.spi.ServerFeature;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.UnaryOperator;

/** The {@code metrics} observer: a scrape of our own registry, in Prometheus text format 0.0.4. */
final class PrometheusObserver implements Observer {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ObserverConfigBase config = ObserverConfigBase.builder().name("metrics").build();
    private final PrometheusMeterRegistry registry;

    PrometheusObserver(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ObserverConfigBase prototype() {
        return config;
    }

    @Override
    public String type() {
        return "metrics";
    }

    @Override
    public void register(ServerFeature.ServerFeatureContext featureContext, List<HttpRouting.Builder> routings,
                         UnaryOperator<String> endpoint) {
        String path = endpoint.apply("metrics");
        // an HttpFeature keeps the observe feature's weight for the route (see Observer#register)
        HttpFeature feature = routing -> routing.get(path, this::scrape);
        routings.forEach(routing -> routing.addFeature(feature));
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .header(HeaderValues.CACHE_NO_CACHE)
                .send(registry.scrape());
    }
}
