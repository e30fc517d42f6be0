package dev.claudeproxy.adapters.cli.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A scripted Anthropic Messages API on 127.0.0.1 that streams queued {@link UpstreamReply}s and records every request. */
public final class FakeUpstream implements AutoCloseable {

    /** The input_tokens every reply reports. */
    public static final int INPUT_TOKENS = 17;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Queue<UpstreamReply> replies = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile UpstreamReply defaultReply = UpstreamReply.text("Hello from fake upstream");

    private FakeUpstream(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    public static FakeUpstream start() {
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            return new FakeUpstream(HttpServer.create(new InetSocketAddress(loopback, 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The value for ANTHROPIC_BASE_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Queues a reply for the next POST /v1/messages. */
    public FakeUpstream enqueue(UpstreamReply reply) {
        replies.add(Objects.requireNonNull(reply));
        return this;
    }

    /** The reply used when the queue is empty. */
    public FakeUpstream setDefault(UpstreamReply reply) {
        defaultReply = Objects.requireNonNull(reply);
        return this;
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until at least {@code n} requests arrived and returns all of them; throws AssertionError on timeout. */
    public List<RecordedRequest> awaitRequests(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            try {
                while (requests.size() < n) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("expected " + n + " upstream requests within " + timeout
                                + " but got " + requests.size());
                    }
                    TimeUnit.NANOSECONDS.timedWait(requests, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for upstream requests", e);
            }
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            RecordedRequest request = record(exchange);
            if (request.method().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (!request.method().equals("POST") || !exchange.getRequestURI().getPath().equals("/v1/messages")) {
                sendJson(exchange, 404, UpstreamReply.error(404, "not_found_error", "Not found").errorBody());
            } else {
                reply(exchange, request.body());
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    private void reply(HttpExchange exchange, JsonNode body) throws IOException {
        UpstreamReply reply = Objects.requireNonNullElse(replies.poll(), defaultReply);
        String model = body.path("model").asText("claude-fake");
        if (reply.isError()) {
            sendJson(exchange, reply.status(), reply.errorBody());
        } else if (body.path("stream").asBoolean(false)) {
            stream(exchange, reply, model);
        } else {
            sendJson(exchange, 200, reply.message(model, INPUT_TOKENS));
        }
    }

    private void stream(HttpExchange exchange, UpstreamReply reply, String model) throws IOException {
        exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<ObjectNode> events = reply.streamEvents(model, INPUT_TOKENS);
        for (int i = 0; i < events.size(); i++) {
            Duration pause = i == 0 ? Duration.ZERO : i == 1 ? reply.stall().plus(reply.eventDelay()) : reply.eventDelay();
            if (!pause(pause)) {
                return;
            }
            ObjectNode event = events.get(i);
            String frame = "event: " + event.get("type").asText() + "\ndata: " + JSON.writeValueAsString(event) + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Waits, returning false early if the server is closing. */
    private boolean pause(Duration duration) {
        if (duration.isZero()) {
            return true;
        }
        try {
            return !closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.getFirst()));
        String query = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path, headers, parse(raw));
        synchronized (requests) {
            requests.add(request);
            requests.notifyAll();
        }
        return request;
    }

    private static JsonNode parse(byte[] raw) {
        if (raw.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return TextNode.valueOf(new String(raw, StandardCharsets.UTF_8));
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
