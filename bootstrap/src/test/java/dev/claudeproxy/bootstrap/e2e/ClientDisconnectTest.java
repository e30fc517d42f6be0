package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.MessageCreateParams;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that hangs up mid-stream takes its CLI run with it: the process is killed and the slot freed. */
class ClientDisconnectTest {

    static final String STREAM = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Talk slowly\"}]}";

    @TempDir
    Path dir;

    @Test
    void aClientHangingUpMidStream_killsItsCli_andTheNextRequestGetsTheSlot() throws Exception {
        try (RunningProxy proxy = RunningProxy.withScriptedCli(dir, Map.of("CLAUDE_PROXY_MAX_CONCURRENT", "1",
                "CLAUDE_PROXY_QUEUE_TIMEOUT_MS", "10000"))) {
            String[] deltas = new String[200];
            Arrays.fill(deltas, "word ");
            proxy.cli().enqueue(Scenario.text(deltas).pacedBy(Duration.ofMillis(50)));

            try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + STREAM.length() + "\r\n\r\n" + STREAM).getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null && !line.contains("text_delta")) {
                    // read until the first delta has arrived
                }
                assertThat(line).isNotNull();
            }
            List<ProcessHandle> cliProcesses = RunningProxy.turnChildren();
            assertThat(cliProcesses).as("the CLI was still talking when the client left").isNotEmpty();

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (cliProcesses.stream().anyMatch(ProcessHandle::isAlive)) {
                assertThat(System.nanoTime()).as("the CLI is killed after the client left").isLessThan(deadline);
                Thread.sleep(20);
            }
            proxy.cli().enqueue(Scenario.text("next"));
            AnthropicClient client = proxy.anthropic();
            try {
                assertThat(client.messages().create(MessageCreateParams.builder()
                        .model("claude-sonnet-4-5").maxTokens(16).addUserMessage("Hi").build())
                        .content().getFirst().text().orElseThrow().text()).isEqualTo("next");
            } finally {
                client.close();
            }
        }
    }
}
