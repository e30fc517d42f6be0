package dev.claudeproxy.adapters.http.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.http.TestProxy;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.ReplyEvent;
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

/** Open chat streams: idle ones get SSE comment pings, and a client that leaves makes the sink throw. */
class ChatCompletionsStreamLivenessTest {

    private static final String STREAM = ChatCompletionsStreamingTest.STREAM;
    private static final ReplyEvent STARTED = ChatCompletionsStreamingTest.STARTED;

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
    void anIdleStream_getsCommentPings_thatCarryNoData() throws Exception {
        proxy.createMessage.startsThenWaitsFor(STARTED, gate);
        HttpResponse<InputStream> res = proxy.client().send(proxy.request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(STREAM)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).contains("\"role\":\"assistant\"");
            assertThat(in.readLine()).isEmpty();
            assertThat(in.readLine()).isEqualTo(": ping");
            assertThat(in.readLine()).isEmpty();
            gate.countDown();
            String rest = in.lines().reduce("", (a, b) -> a + b + "\n");
            assertThat(rest).contains("\"content\":\"late\"").endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void aClientLeavingMidStream_makesTheSinkThrowSoTheRunIsCancelled() throws Exception {
        proxy.createMessage.streams(STARTED, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "more and more text")).pausesBefore(2, gate).repeatsLastEventUntilSinkThrows();
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            byte[] body = STREAM.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.startsWith("data: "));
            assertThat(line).contains("chat.completion.chunk");
        }
        gate.countDown();
        assertThat(proxy.createMessage.streamEnded.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(proxy.createMessage.sinkThrew).isInstanceOf(UncheckedIOException.class);
    }
}
