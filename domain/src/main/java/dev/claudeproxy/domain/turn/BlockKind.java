package dev.claudeproxy.domain.turn;

/** The kind of a content block the model is producing. */
public enum BlockKind {
    TEXT,
    THINKING,
    TOOL_USE
}
