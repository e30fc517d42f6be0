package dev.claudeproxy.domain.model;

import dev.claudeproxy.domain.message.ModelTier;
import java.time.Instant;
import java.util.Objects;

/** A model the proxy offers, with the CLI tier that serves it. */
public record ModelInfo(String id, String displayName, Instant createdAt) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ModelTier tier() {
        return ModelTier.forRequestedModel(id);
    }
}
