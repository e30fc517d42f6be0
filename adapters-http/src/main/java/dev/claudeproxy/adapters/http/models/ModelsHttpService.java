package dev.claudeproxy.adapters.http.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.ApiErrors;
import dev.claudeproxy.adapters.http.common.WireJson;
import dev.claudeproxy.application.port.in.ListModelsUseCase;
import dev.claudeproxy.domain.model.ModelInfo;
import dev.claudeproxy.domain.reply.ReplyError;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Objects;

/** The models resource, in a shape both Anthropic and OpenAI clients read. */
public final class ModelsHttpService implements HttpService {

    private final ListModelsUseCase models;

    public ModelsHttpService(ListModelsUseCase models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/models", this::list)
                .get("/models", this::list)
                .get("/v1/models/{id}", this::one)
                .get("/models/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<ModelInfo> all = models.listModels();
        ObjectNode body = WireJson.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        all.forEach(m -> data.add(model(m)));
        body.put("has_more", false)
                .put("first_id", all.isEmpty() ? null : all.getFirst().id())
                .put("last_id", all.isEmpty() ? null : all.getLast().id());
        WireJson.send(res, 200, body);
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        models.findModel(id).ifPresentOrElse(
                m -> WireJson.send(res, 200, model(m)),
                () -> ApiErrors.send(req, res, ReplyError.notFound("model: " + id + " not found")));
    }

    private static ObjectNode model(ModelInfo m) {
        return WireJson.object()
                .put("type", "model")
                .put("id", m.id())
                .put("display_name", m.displayName())
                .put("created_at", m.createdAt().toString())
                .put("object", "model")
                .put("created", m.createdAt().getEpochSecond())
                .put("owned_by", "anthropic");
    }
}
