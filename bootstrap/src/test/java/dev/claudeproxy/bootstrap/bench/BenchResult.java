package dev.claudeproxy.bootstrap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** One cell of the benchmark (backend, whole or streamed, concurrency): both sides' figures and the A/B ratios. */
record BenchResult(String backend, boolean stream, int concurrency, Side a, Side b, double ttftRatio,
                   double totalRatio, double wallRatio) {

    /** One server's figures: latency, time to first token (streamed), burst wall time, throughput, peaks. */
    record Side(Stats total, Stats ttft, Stats wall, double throughputPerS, int errors, Sampler.Peak peak) {

        static Side of(List<LoadDriver.Burst> bursts, Sampler.Peak peak) {
            List<Double> totals = new ArrayList<>();
            List<Double> ttfts = new ArrayList<>();
            int errors = 0;
            double wallSum = 0;
            for (LoadDriver.Burst burst : bursts) {
                wallSum += burst.wallMs();
                for (LoadDriver.Timing t : burst.timings()) {
                    totals.add(t.totalMs());
                    if (t.firstTokenMs() >= 0) {
                        ttfts.add(t.firstTokenMs());
                    }
                    errors += t.status() == 200 ? 0 : 1;
                }
            }
            return new Side(Stats.of(totals), ttfts.isEmpty() ? null : Stats.of(ttfts),
                    Stats.of(bursts.stream().map(LoadDriver.Burst::wallMs).toList()),
                    totals.size() / (wallSum / 1000), errors, peak);
        }
    }

    static BenchResult of(String backend, boolean stream, int concurrency, List<LoadDriver.Burst> a,
                          List<LoadDriver.Burst> b, Sampler.Peak peakA, Sampler.Peak peakB) {
        return new BenchResult(backend, stream, concurrency, Side.of(a, peakA), Side.of(b, peakB),
                stream ? pairedRatio(a, b, burst -> median(burst, LoadDriver.Timing::firstTokenMs)) : Double.NaN,
                pairedRatio(a, b, burst -> median(burst, LoadDriver.Timing::totalMs)),
                pairedRatio(a, b, LoadDriver.Burst::wallMs));
    }

    int errors() {
        return a.errors() + b.errors();
    }

    String label() {
        return backend + (stream ? ", streamed" : ", whole") + ", concurrency " + concurrency;
    }

    String summary() {
        return String.format(Locale.ROOT, "%s: total median A %.0f ms, B %.0f ms (B/A %.2f); TTFT B/A %.2f; "
                        + "wall B/A %.2f; RSS A %.0f MB, B %.0f MB", label(), a.total().median(), b.total().median(),
                totalRatio, ttftRatio, wallRatio, a.peak().rssMb(), b.peak().rssMb());
    }

    /** The median over rounds of B's figure divided by A's in the same round. */
    private static double pairedRatio(List<LoadDriver.Burst> a, List<LoadDriver.Burst> b,
                                      ToDoubleFunction<LoadDriver.Burst> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(figure.applyAsDouble(b.get(i)) / figure.applyAsDouble(a.get(i)));
        }
        return Stats.of(ratios).median();
    }

    private static double median(LoadDriver.Burst burst, ToDoubleFunction<LoadDriver.Timing> figure) {
        return Stats.of(burst.timings().stream().map(t -> figure.applyAsDouble(t)).toList()).median();
    }
}
