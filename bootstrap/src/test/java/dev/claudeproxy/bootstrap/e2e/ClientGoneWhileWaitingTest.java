package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that hangs up while nothing is being written to it — waiting for a whole answer from a silent CLI,
 * or still queued — takes its run with it: the CLI is killed, the slot or queue place freed (Linux).
 */
@EnabledOnOs(OS.LINUX)
class ClientGoneWhileWaitingTest {

    private static final String WHOLE = ErrorRowsTest.HELLO;
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aClientLeavingAWholeAnswerUnfinished_killsTheSilentCli_andFreesTheSlot() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_MAX_CONCURRENT", "1"))) {
            proxy.cli().enqueue(Scenario.hangAfterStart());
            List<ProcessHandle> before = children();
            List<ProcessHandle> cli;
            try (Socket client = send(proxy, WHOLE)) {
                awaitHanging(proxy);
                cli = newChildren(before);
            }

            ProcessHandle root = cli.stream().filter(ph -> ph.parent().map(ProcessHandle::pid)
                    .orElse(-1L) == ProcessHandle.current().pid()).findFirst().orElseThrow();
            long left = System.nanoTime();
            Await.until(() -> !root.isAlive(), "the CLI is killed after the client left", LIMIT);
            long cliGone = (System.nanoTime() - left) / 1_000_000;
            Await.until(() -> cli.stream().noneMatch(ProcessHandle::isAlive), "the CLI's whole tree is gone", LIMIT);
            // the grandchildren are reaped by whoever adopts them, in a container not always at once
            System.out.printf("client gone -> CLI killed: %d ms, its whole tree reaped: %d ms (fake CLI)%n", cliGone,
                    (System.nanoTime() - left) / 1_000_000);
            Await.until(() -> queue(proxy, "active") == 0, "the slot is free", LIMIT);
            proxy.cli().enqueue(Scenario.text("next"));
            assertThat(post(proxy).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSilentStreamsClientLeaving_killsTheCli() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of())) {
            proxy.cli().enqueue(Scenario.hangAfterStart());
            List<ProcessHandle> before = children();
            List<ProcessHandle> cli;
            try (Socket client = send(proxy, ClientDisconnectTest.STREAM)) {
                awaitHanging(proxy);
                cli = newChildren(before);
            }

            Await.until(() -> cli.stream().noneMatch(ProcessHandle::isAlive), "the CLI is killed after the client left", LIMIT);
        }
    }

    @Test
    void aQueuedClientLeaving_leavesTheQueue_andTheRunningOneGoesOn() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_MAX_CONCURRENT", "1",
                "CLAUDE_PROXY_QUEUE_TIMEOUT_MS", "60000"))) {
            proxy.cli().enqueue(Scenario.hangAfterStart());
            try (Socket running = send(proxy, WHOLE)) {
                Await.until(() -> queue(proxy, "active") == 1, "the first request runs", LIMIT);
                try (Socket queued = send(proxy, WHOLE)) {
                    Await.until(() -> queue(proxy, "waiting") == 1, "the second request waits", LIMIT);
                }

                Await.until(() -> queue(proxy, "waiting") == 0, "the request that left is out of the queue", LIMIT);
                assertThat(queue(proxy, "active")).isEqualTo(1);
            }
            Await.until(() -> queue(proxy, "active") == 0, "the first request's CLI is stopped when its client leaves", LIMIT);
        }
    }

    @Test
    void aClientLeaving_killsTheRealCli_waitingOnASilentUpstream() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
             RunningProxy proxy = RunningProxy.withRealCli(dir, upstream, Map.of())) {
            upstream.enqueue(UpstreamReply.stallThenText(Duration.ofMinutes(5), "never"));
            List<ProcessHandle> before = children();
            List<ProcessHandle> cli;
            try (Socket client = send(proxy, WHOLE)) {
                Await.until(() -> !upstream.requests().isEmpty(), "the real CLI asked the upstream", LIMIT);
                cli = newChildren(before);
                assertThat(cli).isNotEmpty();
            }

            long left = System.nanoTime();
            Await.until(() -> cli.stream().noneMatch(ProcessHandle::isAlive), "the real CLI is killed after the client left", LIMIT);
            System.out.printf("client gone -> CLI killed: %d ms (real CLI, whole answer)%n",
                    (System.nanoTime() - left) / 1_000_000);
        }
    }

    /** Waits until the fake CLI has taken its hanging scenario and started the child it leaves behind. */
    private static void awaitHanging(RunningProxy proxy) throws InterruptedException {
        Await.until(() -> !proxy.cli().invocations().isEmpty() && proxy.cli().lastInvocation().childPid() > 0,
                "the CLI started and hangs", LIMIT);
    }

    private static List<ProcessHandle> children() {
        return RunningProxy.turnChildren();
    }

    /** This JVM's live descendants that were not among {@code before} (earlier tests' CLIs may still be exiting). */
    private static List<ProcessHandle> newChildren(List<ProcessHandle> before) {
        return children().stream().filter(p -> !before.contains(p)).toList();
    }

    private static Socket send(RunningProxy proxy, String body) throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private HttpResponse<String> post(RunningProxy proxy) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/messages"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(WHOLE)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int queue(RunningProxy proxy, String field) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return json.readTree(body).path("queue").path(field).asInt();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

}
