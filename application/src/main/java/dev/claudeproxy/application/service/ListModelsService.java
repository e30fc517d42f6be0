package dev.claudeproxy.application.service;

import dev.claudeproxy.application.port.in.ListModelsUseCase;
import dev.claudeproxy.domain.model.ModelCatalog;
import dev.claudeproxy.domain.model.ModelInfo;
import java.util.List;
import java.util.Optional;

/** Lists the models of the {@link ModelCatalog}. */
public final class ListModelsService implements ListModelsUseCase {

    @Override
    public List<ModelInfo> listModels() {
        return ModelCatalog.all();
    }

    @Override
    public Optional<ModelInfo> findModel(String id) {
        return ModelCatalog.find(id);
    }
}
