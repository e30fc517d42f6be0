package dev.claudeproxy.bootstrap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Sends bursts of concurrent requests to a server and times each: total latency and, streamed, time to first token. */
final class LoadDriver implements AutoCloseable {

    static final String WHOLE = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    static final String STREAM = WHOLE.replace("\"max_tokens\":64", "\"max_tokens\":64,\"stream\":true");

    /** One request's outcome: HTTP status, total and (streamed) first-token milliseconds, -1 when none. */
    record Timing(int status, double totalMs, double firstTokenMs) {
    }

    /** One burst: every request's timing and the wall time from the first send to the last answer. */
    record Burst(List<Timing> timings, double wallMs) {
    }

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(threads).build();

    /** {@code concurrency} requests at once to {@code baseUrl}, streamed or whole; waits for all. */
    Burst burst(String baseUrl, int concurrency, boolean stream) {
        long start = System.nanoTime();
        List<CompletableFuture<Timing>> all = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            all.add(CompletableFuture.supplyAsync(() -> one(baseUrl, stream), threads));
        }
        List<Timing> timings = all.stream().map(CompletableFuture::join).toList();
        return new Burst(timings, (System.nanoTime() - start) / 1e6);
    }

    private Timing one(String baseUrl, boolean stream) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/messages"))
                .timeout(Duration.ofMinutes(2)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(stream ? STREAM : WHOLE)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            double firstToken = -1;
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = body.readLine()) != null) {
                    if (stream && firstToken < 0 && line.startsWith("event: content_block_delta")) {
                        firstToken = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            return new Timing(response.statusCode(), (System.nanoTime() - start) / 1e6, firstToken);
        } catch (IOException e) {
            return new Timing(-1, (System.nanoTime() - start) / 1e6, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
        threads.close();
    }
}
