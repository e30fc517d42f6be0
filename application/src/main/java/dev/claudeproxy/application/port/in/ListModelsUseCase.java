package dev.claudeproxy.application.port.in;

import dev.claudeproxy.domain.model.ModelInfo;
import java.util.List;
import java.util.Optional;

/** Lists the models the proxy offers. */
public interface ListModelsUseCase {

    List<ModelInfo> listModels();

    Optional<ModelInfo> findModel(String id);
}
