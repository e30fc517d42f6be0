package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.model.ModelCatalog;
import dev.claudeproxy.domain.model.ModelInfo;
import org.junit.jupiter.api.Test;

class ListModelsServiceTest {

    private final ListModelsService service = new ListModelsService();

    @Test
    void theList_isTheCatalog() {
        assertThat(service.listModels()).isNotEmpty().containsExactlyElementsOf(ModelCatalog.all());
    }

    @Test
    void everyListedModel_canBeFoundByItsId() {
        for (ModelInfo m : service.listModels()) {
            assertThat(service.findModel(m.id())).contains(m);
        }
    }

    @Test
    void anUnknownId_isNotFound() {
        assertThat(service.findModel("gpt-4o")).isEmpty();
        assertThat(service.findModel("claude-opus")).isEmpty();
    }
}
