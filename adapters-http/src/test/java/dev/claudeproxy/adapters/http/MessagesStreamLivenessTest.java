package dev.claudeproxy.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams while they are open: pings keep them alive, deltas arrive at once, a gone client stops the run. */
class MessagesStreamLivenessTest {

    private static final String STREAM = MessagesStreamingTest.STREAM;
    private static final ReplyEvent STARTED = MessagesStreamingTest.STARTED;

    private final CountDownLatch gate = new CountDownLatch(1);
    private TestProxy proxy;

    @BeforeEach
    void start() {
        proxy = new TestProxy(TestProxy.PING_INTERVAL);
    }

    @AfterEach
    void stop() {
        gate.countDown();
        proxy.close();
    }

    @Test
    void idleStream_getsPingEventsUntilItEnds() throws Exception {
        proxy.createMessage.startsThenWaitsFor(STARTED, gate);
        try (SseStream sse = openStream()) {
            assertThat(sse.nextEvent()).isEqualTo("message_start");
            assertThat(sse.nextEvent()).isEqualTo("ping");
            assertThat(sse.nextEvent()).isEqualTo("ping");
            gate.countDown();
            String all = sse.readToEnd();
            assertThat(all).contains("\n\nevent: ping\ndata: {\"type\": \"ping\"}\n\nevent: ping\n")
                    .contains("\"text\":\"late\"")
                    .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        }
    }

    @Test
    void textDelta_reachesTheClientBeforeTheReplyGoesOn() throws Exception {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "Hel"), new ReplyEvent.TextDelta(0, "lo"), new ReplyEvent.BlockStopped(0),
                new ReplyEvent.Finished(StopReason.END_TURN, Usage.of(7, 2))).pausesBefore(3, gate);
        try (SseStream sse = openStream()) {
            sse.awaitEvent("content_block_delta"); // the use case is still paused before "lo"
            assertThat(sse.raw()).endsWith("\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n");
            gate.countDown();
            assertThat(sse.readToEnd()).contains("\"text\":\"lo\"").endsWith("{\"type\":\"message_stop\"}\n\n");
        }
    }

    @Test
    void clientLeavingMidStream_makesTheSinkThrowSoTheRunIsCancelled() throws Exception {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "more and more text"))
                .pausesBefore(2, gate).repeatsLastEventUntilSinkThrows();
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            byte[] body = STREAM.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals("event: message_start"));
            assertThat(line).isEqualTo("event: message_start");
        }
        gate.countDown();
        assertThat(proxy.createMessage.streamEnded.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(proxy.createMessage.sinkThrew).isInstanceOf(UncheckedIOException.class);
        assertThat(proxy.get("/").statusCode()).isEqualTo(200);
    }

    private SseStream openStream() throws Exception {
        HttpResponse<InputStream> res = proxy.client().send(proxy.request("/v1/messages")
                        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(STREAM)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        return new SseStream(res.body());
    }
}
