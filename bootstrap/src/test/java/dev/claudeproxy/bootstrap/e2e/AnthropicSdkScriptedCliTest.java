package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.ImageBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.models.ModelInfo;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Anthropic Java SDK against our running server, with the scripted fake CLI behind it. */
class AnthropicSdkScriptedCliTest {

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGP4z8BAEiJN9aiGUQ1DSgMAkPn/Afnh+ngAAAAASUVORK5CYII=";

    @TempDir
    Path dir;

    private RunningProxy proxy;
    private AnthropicClient client;

    @BeforeEach
    void start() {
        proxy = RunningProxy.withScriptedCli(dir, Map.of());
        client = proxy.anthropic();
    }

    @AfterEach
    void stop() {
        client.close();
        proxy.close();
    }

    private static MessageCreateParams.Builder hello() {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(1024).addUserMessage("Say hello");
    }

    @Test
    void aWholeReply_parsesWithTheSdk_andCarriesTheCliText_realUsage_andTheModelAsked() {
        proxy.cli().enqueue(Scenario.text("Hello", " there"));

        Message message = client.messages().create(hello().build());

        assertThat(message.id()).startsWith("msg_").hasSize(28);
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("Hello there");
        assertThat(message.model().asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(17);
        assertThat(message.usage().outputTokens()).isPositive();
    }

    @Test
    void aStream_parsesWithTheSdk_eventByEvent_andAccumulatesToTheSameMessage() {
        proxy.cli().enqueue(Scenario.text("Hello", " stream", "ing"));
        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> deltas = new ArrayList<>();
        List<String> order = new ArrayList<>();

        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(hello().build())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                order.add(eventName(event));
                event.contentBlockDelta().flatMap(d -> d.delta().text()).ifPresent(t -> deltas.add(t.text()));
            });
        }

        assertThat(deltas).containsExactly("Hello", " stream", "ing");
        assertThat(order).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        Message message = accumulator.message();
        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("Hello streaming");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(17);
    }

    @Test
    void thinkingAskedFor_comesBackAsAThinkingBlockBeforeTheText() {
        proxy.cli().enqueue(Scenario.thinkingThenText("Let me think.", "Answer"));

        Message message = client.messages().create(hello().enabledThinking(2048).build());

        assertThat(message.content()).hasSize(2);
        assertThat(message.content().get(0).thinking().orElseThrow().thinking()).isEqualTo("Let me think.");
        assertThat(message.content().get(1).text().orElseThrow().text()).isEqualTo("Answer");
        assertThat(proxy.cli().lastInvocation().argv()).contains("--max-thinking-tokens=2048");
    }

    @Test
    void thinkingNotAskedFor_isNotShown() {
        proxy.cli().enqueue(Scenario.thinkingThenText("Hidden.", "Visible"));

        Message message = client.messages().create(hello().build());

        assertThat(message.content()).hasSize(1);
        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("Visible");
    }

    @Test
    void theSystemPromptAndPriorTurns_reachTheCli_andAnImageGoesNatively() {
        MessageCreateParams params = MessageCreateParams.builder().model("claude-opus-4-6").maxTokens(100)
                .system("You are terse.")
                .addUserMessage("My name is Ada.")
                .addAssistantMessage("Hello Ada.")
                .addUserMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofText(TextBlockParam.builder().text("What is in this picture?").build()),
                        ContentBlockParam.ofImage(ImageBlockParam.builder().source(Base64ImageSource.builder()
                                .mediaType(Base64ImageSource.MediaType.IMAGE_PNG).data(PNG).build()).build())))
                .build();

        client.messages().create(params);

        var run = proxy.cli().lastInvocation();
        assertThat(run.argv()).contains("--model=opus");
        assertThat(run.stdin().getFirst()).contains("You are terse.")
                .contains("Prior conversation turns:\\n\\n[User]\\nMy name is Ada.\\n\\n[Assistant]\\nHello Ada.\\n\\n---");
        assertThat(run.stdin().get(1)).contains("What is in this picture?").contains("\"type\":\"image\"").contains(PNG);
    }

    @Test
    void anOverloadedUpstream_isA529ForAWholeReply_andForAStreamBeforeAnyContent() {
        proxy.cli().enqueue(Scenario.upstreamError(529, "overloaded", "API Error: 529 Overloaded"));
        proxy.cli().enqueue(Scenario.upstreamError(529, "overloaded", "API Error: 529 Overloaded"));

        assertThatThrownBy(() -> client.messages().create(hello().build()))
                .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(529);
                    assertThat(e.body().toString()).contains("overloaded_error");
                });
        assertThatThrownBy(() -> {
            try (StreamResponse<RawMessageStreamEvent> s = client.messages().createStreaming(hello().build())) {
                s.stream().forEach(e -> { });
            }
        }).isInstanceOfSatisfying(AnthropicServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(529));
    }

    @Test
    void upstreamRateLimitAndAuthFailures_keepTheirStatus() {
        proxy.cli().enqueue(Scenario.upstreamError(429, "rate_limit", "API Error: 429 rate limited"));
        proxy.cli().enqueue(Scenario.upstreamError(401, "authentication_failed", "Invalid API key"));

        assertThatThrownBy(() -> client.messages().create(hello().build())).isInstanceOf(RateLimitException.class);
        assertThatThrownBy(() -> client.messages().create(hello().build())).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aCliCrash_isA500ApiErrorWithTheReason() {
        proxy.cli().enqueue(Scenario.crash(2, "the CLI fell over"));

        assertThatThrownBy(() -> client.messages().create(hello().build()))
                .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.body().toString()).contains("api_error").contains("the CLI fell over");
                });
    }

    @Test
    void countTokens_andModels_workThroughTheSdk() {
        long tokens = client.messages().countTokens(MessageCountTokensParams.builder().model("claude-sonnet-4-5")
                .addUserMessage("Count these words, please.").build()).inputTokens();
        List<ModelInfo> models = client.models().list().data();
        ModelInfo opus = client.models().retrieve("claude-opus-4-6");

        assertThat(tokens).isPositive();
        assertThat(models).extracting(ModelInfo::id).contains("claude-opus-4-6", "claude-sonnet-4-6");
        assertThat(opus.displayName()).isEqualTo("Claude Opus 4.6");
    }

    private static String eventName(RawMessageStreamEvent event) {
        if (event.isMessageStart()) {
            return "message_start";
        }
        if (event.isContentBlockStart()) {
            return "content_block_start";
        }
        if (event.isContentBlockDelta()) {
            return "content_block_delta";
        }
        if (event.isContentBlockStop()) {
            return "content_block_stop";
        }
        if (event.isMessageDelta()) {
            return "message_delta";
        }
        return event.isMessageStop() ? "message_stop" : "other";
    }
}
