package dev.claudeproxy.bootstrap.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Percentiles of a sample of durations in milliseconds. */
record Stats(int n, double median, double p90, double p99, double max) {

    static Stats of(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Stats(sorted.size(), pick(sorted, 0.5), pick(sorted, 0.9), pick(sorted, 0.99),
                sorted.getLast());
    }

    private static double pick(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    String row(String name) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |", name, n, median, p90, p99, max);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"n\":%d,\"median_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f}",
                n, median, p90, p99, max);
    }
}
