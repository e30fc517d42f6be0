package dev.claudeproxy.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The models the proxy advertises; any other name still works and maps to a tier by its name. */
public final class ModelCatalog {

    private static final List<ModelInfo> MODELS = List.of(
            model("claude-opus-5-5", "Claude Opus 5.5", "2026-09-01"),
            model("claude-sonnet-5-5", "Claude Sonnet 5.5", "2026-09-01"),
            model("claude-haiku-5-5", "Claude Haiku 5.5", "2026-09-01"),
            model("claude-opus-4-6", "Claude Opus 4.6", "2025-08-01"),
            model("claude-sonnet-4-6", "Claude Sonnet 4.6", "2025-08-01"),
            model("claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "2025-09-29"),
            model("claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-01"));

    private ModelCatalog() {
    }

    public static List<ModelInfo> all() {
        return MODELS;
    }

    public static Optional<ModelInfo> find(String id) {
        return MODELS.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static ModelInfo model(String id, String name, String date) {
        return new ModelInfo(id, name, Instant.parse(date + "T00:00:00Z"));
    }
}
