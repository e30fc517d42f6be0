package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end: OpenAI Java SDK → our Chat Completions route → the real Claude Code CLI → a fake Anthropic API. */
class OpenAiSdkRealCliTest extends RealCliTestBase {

    private OpenAIClient client;

    @BeforeEach
    void startClient() {
        client = proxy.openAi();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aChat_isAnsweredByTheRealCli_withTheUpstreamsUsage() {
        upstream.enqueue(UpstreamReply.text("Bonjour", " !"));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("claude-opus-4-6").addSystemMessage("Answer in French.").addUserMessage("Say hello").build());

        assertThat(completion.choices().getFirst().message().content()).contains("Bonjour !");
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(FakeUpstream.INPUT_TOKENS);
        JsonNode sent = upstream.requests().getLast().body();
        assertThat(sent.path("model").asText()).contains("opus");
        assertThat(sent.path("system").toString()).contains("Answer in French.");
        assertThat(sent.path("messages").toString()).contains("Say hello");
    }

    @Test
    void aStreamedChat_forwardsTheUpstreamsDeltas_thenUsage() {
        upstream.enqueue(UpstreamReply.text("One", " two", " three").withEventDelay(Duration.ofMillis(20)));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<String> deltas = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("claude-sonnet-4-5").addUserMessage("Count")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices().forEach(c -> c.delta().content().filter(t -> !t.isEmpty()).ifPresent(deltas::add));
            });
        }

        assertThat(deltas).containsExactly("One", " two", " three");
        ChatCompletion whole = accumulator.chatCompletion();
        assertThat(whole.choices().getFirst().message().content()).contains("One two three");
        assertThat(whole.usage().orElseThrow().promptTokens()).isEqualTo(FakeUpstream.INPUT_TOKENS);
    }
}
