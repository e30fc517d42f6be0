package dev.claudeproxy.adapters.http.observe;

import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.application.port.in.SessionActivity;
import dev.claudeproxy.application.port.in.SessionsUseCase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/** The server's state read at every scrape: the admission queue, the CLI processes running, session activity. */
final class ServerGauges {

    private ServerGauges() {
    }

    static void register(MeterRegistry registry, QueueStatusQuery queue, IntSupplier liveCliProcesses,
                         SessionsUseCase sessions) {
        gauge(registry, "claude_proxy.queue.active", "CLI runs holding a slot", () -> queue.queueStatus().active());
        gauge(registry, "claude_proxy.queue.waiting", "Requests waiting for a slot",
                () -> queue.queueStatus().waiting());
        gauge(registry, "claude_proxy.queue.max", "Slots for CLI runs", () -> queue.queueStatus().max());
        gauge(registry, "claude_proxy.cli.processes", "CLI processes running", liveCliProcesses::getAsInt);
        count(registry, sessions, "claude_proxy.session.lookups", "Session lookups", SessionActivity::lookups);
        count(registry, sessions, "claude_proxy.session.hits", "Session lookups that found one", SessionActivity::hits);
        count(registry, sessions, "claude_proxy.session.misses", "Session lookups that found none",
                SessionActivity::misses);
        count(registry, sessions, "claude_proxy.session.resumes", "CLI sessions resumed", SessionActivity::resumes);
        count(registry, sessions, "claude_proxy.session.resume.failures", "CLI session resumes that failed",
                SessionActivity::failures);
    }

    private static void gauge(MeterRegistry registry, String name, String description, IntSupplier value) {
        Gauge.builder(name, value::getAsInt).description(description).register(registry);
    }

    // the registry holds the sessions weakly; the server holds them for as long as it runs
    private static void count(MeterRegistry registry, SessionsUseCase sessions, String name, String description,
                              ToLongFunction<SessionActivity> value) {
        FunctionCounter.builder(name, sessions, s -> value.applyAsLong(s.activity()))
                .description(description)
                .register(registry);
    }
}
