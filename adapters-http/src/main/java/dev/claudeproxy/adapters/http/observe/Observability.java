package dev.claudeproxy.adapters.http.observe;

import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.application.port.in.SessionsUseCase;
import dev.claudeproxy.application.port.out.HealthProbe;
import dev.claudeproxy.application.port.out.TraceListener;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The server's observability, as one Helidon {@link ObserveFeature}: {@code /observe/health} runs the health probes
 * as readiness checks, {@code /observe/metrics} shows this server's own meters in Prometheus text.
 */
public final class Observability {

    // above the business routing (100), whose catch-all 404 would otherwise answer /observe/* first
    private static final double WEIGHT = 110;

    // a registry of our own: Helidon's Micrometer-backed registries all share Micrometer's global one
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RequestMetrics requestMetrics = new RequestMetrics(registry);
    private final ObserveFeature feature;

    /**
     * @param probes           the readiness checks, each named by its probe
     * @param queue            the admission queue, read at every scrape
     * @param liveCliProcesses how many CLI processes run now
     * @param sessions         whose activity counts are read at every scrape
     */
    public Observability(List<HealthProbe> probes, QueueStatusQuery queue, IntSupplier liveCliProcesses,
                         SessionsUseCase sessions) {
        ServerGauges.register(registry, queue, liveCliProcesses, sessions);
        HealthObserver health = HealthObserver.builder()
                .useSystemServices(false)
                .details(true)
                .addHealthChecks(probes.stream().map(ProbeHealthCheck::new).toList())
                .build();
        this.feature = ObserveFeature.builder()
                .observersDiscoverServices(false)
                .weight(WEIGHT)
                .addObserver(health)
                .addObserver(new PrometheusObserver(registry))
                .build();
    }

    /** Add it to the web server: {@code WebServer.builder().addFeature(observability.feature())}. */
    public ObserveFeature feature() {
        return feature;
    }

    /** Tell it of every ended request to count and time it. */
    public TraceListener requestMetrics() {
        return requestMetrics;
    }
}
