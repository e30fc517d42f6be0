package dev.claudeproxy.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ModelTierTest {

    @ParameterizedTest
    @CsvSource({
            "claude-opus-4-6, OPUS",
            "CLAUDE-OPUS-5-5, OPUS",
            "Opus, OPUS",
            "claude-3-opus-haiku, OPUS",
            "claude-haiku-4-5-20251001, HAIKU",
            "HAIKU, HAIKU",
            "claude-3-5-Haiku-latest, HAIKU",
            "claude-sonnet-4-6, SONNET",
            "gpt-4o, SONNET",
            "claude-fable-5-2, SONNET"})
    void aRequestedModel_mapsToTheTierNamedInIt_caseInsensitively(String model, ModelTier tier) {
        assertThat(ModelTier.forRequestedModel(model)).isEqualTo(tier);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noModelName_mapsToSonnet(String model) {
        assertThat(ModelTier.forRequestedModel(model)).isEqualTo(ModelTier.SONNET);
    }

    @Test
    void theCliAlias_isTheLowerCaseTierName() {
        assertThat(ModelTier.OPUS.cliAlias()).isEqualTo("opus");
        assertThat(ModelTier.SONNET.cliAlias()).isEqualTo("sonnet");
        assertThat(ModelTier.HAIKU.cliAlias()).isEqualTo("haiku");
    }
}
