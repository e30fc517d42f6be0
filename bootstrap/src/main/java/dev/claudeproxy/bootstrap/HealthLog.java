package dev.claudeproxy.bootstrap;

import dev.claudeproxy.adapters.http.debug.ProcessFacts;
import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.application.port.in.QueueStatusQuery;
import dev.claudeproxy.application.port.in.RequestStats;
import dev.claudeproxy.application.service.RequestTraces;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/** Logs a {@code proxy.health} line: memory, uptime, request totals, queue and live CLI processes. */
final class HealthLog {

    private static final System.Logger LOG = System.getLogger(HealthLog.class.getName());

    private final RequestTraces traces;
    private final QueueStatusQuery queue;
    private final IntSupplier liveProcesses;

    HealthLog(RequestTraces traces, QueueStatusQuery queue, IntSupplier liveProcesses) {
        this.traces = traces;
        this.queue = queue;
        this.liveProcesses = liveProcesses;
    }

    /** The fields of one health line. */
    Map<String, Object> fields() {
        RequestStats stats = traces.stats();
        QueueStatus q = queue.queueStatus();
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("uptimeMs", stats.uptime().toMillis());
        fields.put("heapUsedBytes", runtime.totalMemory() - runtime.freeMemory());
        fields.put("rssBytes", ProcessFacts.residentBytes().isPresent() ? ProcessFacts.residentBytes().getAsLong()
                : null);
        fields.put("requests", stats.total());
        fields.put("errors", stats.errors());
        fields.put("activeRequests", stats.active());
        fields.put("queueActive", q.active());
        fields.put("queueWaiting", q.waiting());
        fields.put("cliProcesses", liveProcesses.getAsInt());
        return fields;
    }

    void log() {
        try {
            LOG.log(System.Logger.Level.INFO, "proxy.health", fields());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "health line failed", e);
        }
    }
}
