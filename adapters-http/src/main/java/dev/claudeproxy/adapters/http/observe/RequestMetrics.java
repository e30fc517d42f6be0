package dev.claudeproxy.adapters.http.observe;

import dev.claudeproxy.application.port.out.TraceListener;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Counts ended requests by route, model and outcome, and times their duration and time to first token by route and
 * stream; the model label is the CLI tier a request ran on, not the name the client sent, so its values stay few.
 */
final class RequestMetrics implements TraceListener {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300),
        Duration.ofSeconds(600)};

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void ended(Trace trace) {
        TraceRequest request = trace.request();
        String route = label(request.route());
        String stream = Boolean.toString(request.stream());
        Counter.builder("claude_proxy.requests")
                .description("Requests ended, by route, CLI model tier and outcome")
                .tags("route", route, "model", label(request.model()),
                        "outcome", trace.outcome() == null ? "unknown" : trace.outcome().wireName())
                .register(registry)
                .increment();
        trace.times().totalDuration().ifPresent(d -> timer("claude_proxy.request.duration",
                "From receipt to the end of the answer", route, stream).record(d));
        trace.times().timeToFirstToken().ifPresent(d -> timer("claude_proxy.time_to_first_token",
                "From receipt to the first model output", route, stream).record(d));
    }

    private Timer timer(String name, String description, String route, String stream) {
        return Timer.builder(name)
                .description(description)
                .tags("route", route, "stream", stream)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static String label(String value) {
        return value.isBlank() ? "unknown" : value;
    }
}
