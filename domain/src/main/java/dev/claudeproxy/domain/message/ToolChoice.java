package dev.claudeproxy.domain.message;

import java.util.Objects;

/** How the client lets the model use its tools ({@code tool_choice} in both APIs). */
public sealed interface ToolChoice {

    /** The model decides whether to call a tool (the default). */
    record Auto() implements ToolChoice {
    }

    /** The model must call at least one tool (Anthropic {@code any}, OpenAI {@code required}). */
    record Any() implements ToolChoice {
    }

    /** The model must not call tools: they are not offered at all. */
    record None() implements ToolChoice {
    }

    /** The model must call the named tool. */
    record Named(String name) implements ToolChoice {
        public Named {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new InvalidRequestException("tool_choice: the tool name must not be empty");
            }
        }
    }

    /** The default choice. */
    static ToolChoice auto() {
        return new Auto();
    }
}
