package dev.claudeproxy.adapters.http.messages;

import dev.claudeproxy.adapters.http.common.ApiErrors;
import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The Message Batches resource, answered with 501 until batches are implemented. */
public final class BatchesHttpService implements HttpService {

    private static final ReplyError NOT_SUPPORTED = new ReplyError(ErrorKind.API_ERROR,
            "Message Batches are not supported by this proxy yet.", "not_implemented");

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/messages/batches", this::notSupported)
                .get("/v1/messages/batches", this::notSupported)
                .get("/v1/messages/batches/{id}", this::notSupported)
                .get("/v1/messages/batches/{id}/results", this::notSupported)
                .post("/v1/messages/batches/{id}/cancel", this::notSupported)
                .delete("/v1/messages/batches/{id}", this::notSupported);
    }

    private void notSupported(ServerRequest req, ServerResponse res) {
        ApiErrors.send(req, res, 501, NOT_SUPPORTED);
    }
}
