package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.claudeproxy.adapters.http.HttpDependencies;
import dev.claudeproxy.adapters.http.ProxyHttp;
import dev.claudeproxy.adapters.persistence.logs.LogDirectory;
import dev.claudeproxy.adapters.persistence.session.InMemorySessionRepository;
import dev.claudeproxy.adapters.persistence.trace.InMemoryTraceRepository;
import dev.claudeproxy.application.service.InspectRequestsService;
import dev.claudeproxy.application.service.RequestTraces;
import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.CreateMessageUseCase;
import dev.claudeproxy.application.port.in.ListModelsUseCase;
import dev.claudeproxy.application.service.ConversationSessions;
import dev.claudeproxy.application.service.ListModelsService;
import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.Usage;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure after a stream has started reaches the official OpenAI SDK as an {@link SseException}, after the text sent. */
class OpenAiSdkMidStreamErrorTest {

    /** Starts a reply, sends some text, then fails as a stalled CLI would. */
    private static final class FailingMidStream implements CreateMessageUseCase {
        @Override
        public void stream(CreateMessageCommand command, Consumer<ReplyEvent> sink) {
            sink.accept(new ReplyEvent.Started("msg_1", command.model(), Usage.of(3, 0)));
            sink.accept(new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")));
            sink.accept(new ReplyEvent.TextDelta(0, "Partial"));
            sink.accept(new ReplyEvent.Failed(new ReplyError(ErrorKind.TIMEOUT, "The CLI stalled.", null)));
        }

        @Override
        public AssistantReply create(CreateMessageCommand command) {
            throw new UnsupportedOperationException();
        }
    }

    @TempDir
    Path dir;

    @Test
    void anErrorChunkAfterTheStart_isThrownBySdkStreamAsSseException_afterTheTextAlreadySent() {
        ListModelsUseCase models = new ListModelsService();
        LogDirectory logs = new LogDirectory(dir.resolve("logs"));
        HttpDependencies deps = new HttpDependencies(new FailingMidStream(), command -> 0, models,
                () -> new QueueStatus(0, 0, 1), new TestIds(), "test", Duration.ofHours(1), Optional.empty(),
                1_000_000, new ConversationSessions(new InMemorySessionRepository(), id -> {
                }, Clock.systemUTC(), Duration.ofHours(1), 10), new InspectRequestsService(
                RequestTraces.unstored(Clock.systemUTC()), new InMemoryTraceRepository(), logs, logs), Map.of());
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> ProxyHttp.routing(routing, deps)).build().start();
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                .apiKey("x").maxRetries(0).build();
        List<String> received = new ArrayList<>();
        try {
            assertThatThrownBy(() -> {
                try (var stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                        .model("gpt-4o").addUserMessage("Hi").build())) {
                    stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content()
                            .filter(s -> !s.isEmpty()).ifPresent(received::add)));
                }
            }).isInstanceOfSatisfying(SseException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(200);
                assertThat(e.body().toString()).contains("The CLI stalled.");
            });
            assertThat(received).containsExactly("Partial");
        } finally {
            client.close();
            server.stop();
        }
    }
}
