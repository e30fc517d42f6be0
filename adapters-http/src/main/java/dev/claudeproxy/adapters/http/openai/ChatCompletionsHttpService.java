package dev.claudeproxy.adapters.http.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.ConversationHeaders;
import dev.claudeproxy.adapters.http.common.ReplyStreaming;
import dev.claudeproxy.adapters.http.common.RequestBody;
import dev.claudeproxy.adapters.http.common.Origins;
import dev.claudeproxy.adapters.http.common.RequestId;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.CreateMessageUseCase;
import dev.claudeproxy.application.port.in.ListModelsUseCase;
import dev.claudeproxy.application.port.out.IdGenerator;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** The OpenAI Chat Completions resource, translated onto the same create-message use case as the Messages API. */
public final class ChatCompletionsHttpService implements HttpService {

    static final String ID_PREFIX = "chatcmpl-";

    private final CreateMessageUseCase createMessage;
    private final ListModelsUseCase models;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration pingInterval;
    private final long maxBodyBytes;

    public ChatCompletionsHttpService(CreateMessageUseCase createMessage, ListModelsUseCase models, IdGenerator ids,
                                      Clock clock, Duration pingInterval, long maxBodyBytes) {
        this.createMessage = Objects.requireNonNull(createMessage, "createMessage");
        this.models = Objects.requireNonNull(models, "models");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/chat/completions", this::complete)
                .post("/chat/completions", this::complete)
                .get("/v1/chat/models", this::listModels);
    }

    private void complete(ServerRequest req, ServerResponse res) {
        byte[] body = RequestBody.read(req, maxBodyBytes);
        ChatRequest request = ChatRequestParser.parse(body, RequestId.of(req));
        CreateMessageCommand command = ConversationHeaders.apply(req, request.command())
                .withOrigin(Origins.of(req, body.length));
        var header = new ChatCompletionWire.Header(ids.next(ID_PREFIX), clock.instant().getEpochSecond(),
                command.model());
        if (request.stream()) {
            ReplyStreaming.serve(req, res, command.requestId(), pingInterval,
                    new ChatChunkFormat(header, request.includeUsage()), sink -> createMessage.stream(command, sink));
        } else {
            WireJson.send(res, 200, ChatCompletionWire.completion(header, createMessage.create(command)));
        }
    }

    private void listModels(ServerRequest req, ServerResponse res) {
        ObjectNode body = WireJson.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        models.listModels().forEach(m -> data.addObject().put("id", m.id()).put("object", "model")
                .put("created", m.createdAt().getEpochSecond()).put("owned_by", "anthropic"));
        WireJson.send(res, 200, body);
    }
}
