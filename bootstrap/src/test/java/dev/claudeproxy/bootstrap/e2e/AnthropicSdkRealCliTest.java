package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end: Anthropic Java SDK → our server → the real Claude Code CLI → a fake Anthropic API. */
class AnthropicSdkRealCliTest extends RealCliTestBase {

    private AnthropicClient client;

    @BeforeEach
    void startClient() {
        client = proxy.anthropic();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aWholeReply_comesFromTheRealCli_withTheUpstreamsUsage() {
        upstream.enqueue(UpstreamReply.text("Hello", " from", " upstream"));

        Message message = client.messages().create(MessageCreateParams.builder().model("claude-haiku-4-5")
                .maxTokens(256).system("You are a test.").addUserMessage("Say hello").build());

        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("Hello from upstream");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(FakeUpstream.INPUT_TOKENS);
        JsonNode sent = upstream.requests().getLast().body();
        assertThat(sent.path("model").asText()).contains("haiku");
        assertThat(sent.path("system").toString()).contains("You are a test.");
        assertThat(sent.path("messages").toString()).contains("Say hello");
        assertThat(sent.path("tools")).isEmpty();
    }

    @Test
    void aStream_forwardsTheUpstreamsDeltas_andTheSdkAccumulatesThem() {
        upstream.enqueue(UpstreamReply.text("One", " two", " three").withEventDelay(Duration.ofMillis(20)));
        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> deltas = new ArrayList<>();

        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(
                MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(256).addUserMessage("Count")
                        .build())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.contentBlockDelta().flatMap(d -> d.delta().text()).ifPresent(t -> deltas.add(t.text()));
            });
        }

        assertThat(deltas).containsExactly("One", " two", " three");
        assertThat(accumulator.message().content().getFirst().text().orElseThrow().text()).isEqualTo("One two three");
    }

    @Test
    void anOverloadedUpstream_givesAStreamTheReal529_beforeAnyContent() {
        upstream.enqueue(UpstreamReply.error(529, "overloaded_error", "Overloaded"));
        upstream.enqueue(UpstreamReply.error(529, "overloaded_error", "Overloaded"));

        assertThatThrownBy(() -> {
            try (StreamResponse<RawMessageStreamEvent> s = client.messages().createStreaming(
                    MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(64).addUserMessage("Hi")
                            .build())) {
                s.stream().forEach(e -> { });
            }
        }).isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(529);
            assertThat(e.body().toString()).contains("overloaded_error");
        });
    }

}
