package dev.claudeproxy.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.message.ModelTier;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void theCatalog_offersEachTier_underDistinctIds() {
        assertThat(ModelCatalog.all()).isNotEmpty();
        assertThat(ModelCatalog.all()).extracting(ModelInfo::id).doesNotHaveDuplicates();
        assertThat(ModelCatalog.all()).extracting(ModelInfo::tier)
                .contains(ModelTier.OPUS, ModelTier.SONNET, ModelTier.HAIKU);
    }

    @Test
    void aKnownId_isFound_andAnUnknownOneIsNot() {
        assertThat(ModelCatalog.find("claude-opus-4-6")).get()
                .satisfies(m -> assertThat(m.tier()).isEqualTo(ModelTier.OPUS));
        assertThat(ModelCatalog.find("gpt-4o")).isEmpty();
        assertThat(ModelCatalog.find(null)).isEmpty();
    }
}
