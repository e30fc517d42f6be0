package dev.claudeproxy.application.port.in;

import java.time.Duration;
import java.util.Map;

/**
 * Request figures since the server started: uptime, totals, errors, error rate, mean duration, and the same per
 * model (CLI tier) and per outcome.
 */
public record RequestStats(Duration uptime, long total, long completed, long errors, int active,
                           double averageDurationMs, Map<String, ModelStats> byModel, Map<String, Long> byOutcome) {

    public RequestStats {
        byModel = Map.copyOf(byModel);
        byOutcome = Map.copyOf(byOutcome);
    }

    /** The share of ended requests that failed, 0 when none ended. */
    public double errorRate() {
        long ended = completed + errors;
        return ended == 0 ? 0 : (double) errors / ended;
    }

    /** Figures for one model: requests ended, errors, and their mean duration. */
    public record ModelStats(long requests, long errors, double averageDurationMs) {
    }
}
