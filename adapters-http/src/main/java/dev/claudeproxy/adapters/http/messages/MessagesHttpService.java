package dev.claudeproxy.adapters.http.messages;

import dev.claudeproxy.adapters.http.common.RequestId;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.CountTokensUseCase;
import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.CreateMessageUseCase;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

/** The Anthropic Messages resource: create a message (whole or streamed) and count its tokens. */
public final class MessagesHttpService implements HttpService {

    private static final System.Logger LOG = System.getLogger(MessagesHttpService.class.getName());

    private static final ReplyError INCOMPLETE = new ReplyError(ErrorKind.API_ERROR,
            "The reply ended before it was complete.", "incomplete_reply");

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
        MessageRequest request = MessageRequestParser.parse(body(req), RequestId.of(req));
        if (request.stream()) {
            stream(req, res, request.command());
        } else {
            WireJson.send(res, 200, MessageWire.message(createMessage.create(request.command())));
        }
    }

    private void countTokens(ServerRequest req, ServerResponse res) {
        MessageRequest request = MessageRequestParser.parse(body(req), RequestId.of(req));
        WireJson.send(res, 200, WireJson.object().put("input_tokens", countTokens.countTokens(request.command())));
    }

    private void stream(ServerRequest req, ServerResponse res, CreateMessageCommand command) {
        SseReplySink sink = new SseReplySink(req, res, command.requestId(), pingInterval);
        try {
            createMessage.stream(command, sink);
            sink.failIfOpen(INCOMPLETE);
        } catch (SseReplySink.ClientGoneException e) {
            // the use case has cancelled its CLI run; just drop the connection
            throw new CloseConnectionException("The client closed the stream.", e);
        } catch (RuntimeException e) {
            if (!sink.committed()) {
                throw e; // nothing sent yet: the error mapping answers with a JSON error
            }
            sink.failIfOpen(midStreamError(e, command.requestId()));
        } finally {
            sink.close();
        }
    }

    private static ReplyError midStreamError(RuntimeException e, String requestId) {
        if (e instanceof ReplyException reply) {
            return reply.error();
        }
        LOG.log(System.Logger.Level.ERROR, "Stream of request " + requestId + " failed", e);
        return new ReplyError(ErrorKind.API_ERROR, "Internal server error (request " + requestId + ").",
                "unexpected_exception");
    }

    /** The request body, refused with 413 past the size limit (images included) before it is all read. */
    private byte[] body(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReplyException tooLarge() {
        return new ReplyException(new ReplyError(ErrorKind.REQUEST_TOO_LARGE,
                "Request body is larger than the limit of " + maxBodyBytes + " bytes.", "request_too_large"));
    }
}
