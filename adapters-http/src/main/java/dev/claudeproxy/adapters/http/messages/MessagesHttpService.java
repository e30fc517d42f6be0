package dev.claudeproxy.adapters.http.messages;

import dev.claudeproxy.adapters.http.common.ConversationHeaders;
import dev.claudeproxy.adapters.http.common.ReplyStreaming;
import dev.claudeproxy.adapters.http.common.RequestBody;
import dev.claudeproxy.adapters.http.common.Origins;
import dev.claudeproxy.adapters.http.common.RequestId;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.CountTokensUseCase;
import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.CreateMessageUseCase;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Objects;

/** The Anthropic Messages resource: create a message (whole or streamed) and count its tokens. */
public final class MessagesHttpService implements HttpService {

    private final CreateMessageUseCase createMessage;
    private final CountTokensUseCase countTokens;
    private final Duration pingInterval;
    private final long maxBodyBytes;

    public MessagesHttpService(CreateMessageUseCase createMessage, CountTokensUseCase countTokens,
                               Duration pingInterval, long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.createMessage = Objects.requireNonNull(createMessage, "createMessage");
        this.countTokens = Objects.requireNonNull(countTokens, "countTokens");
        this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/messages", this::create)
                .post("/messages", this::create)
                .post("/v1/messages/count_tokens", this::countTokens)
                .post("/messages/count_tokens", this::countTokens);
    }

    private void create(ServerRequest req, ServerResponse res) {
        byte[] body = body(req);
        MessageRequest request = MessageRequestParser.parse(body, RequestId.of(req));
        CreateMessageCommand command = ConversationHeaders.apply(req, request.command())
                .withOrigin(Origins.of(req, body.length));
        if (request.stream()) {
            stream(req, res, command);
        } else {
            WireJson.send(res, 200, MessageWire.message(createMessage.create(command)));
        }
    }

    private void countTokens(ServerRequest req, ServerResponse res) {
        MessageRequest request = MessageRequestParser.parse(body(req), RequestId.of(req));
        WireJson.send(res, 200, WireJson.object().put("input_tokens", countTokens.countTokens(request.command())));
    }

    private void stream(ServerRequest req, ServerResponse res, CreateMessageCommand command) {
        ReplyStreaming.serve(req, res, command.requestId(), pingInterval, SseEvents.format(command.requestId()),
                sink -> createMessage.stream(command, sink));
    }

    private byte[] body(ServerRequest req) {
        return RequestBody.read(req, maxBodyBytes);
    }
}
