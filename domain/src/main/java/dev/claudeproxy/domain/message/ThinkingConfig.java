package dev.claudeproxy.domain.message;

/** Extended thinking as the client asked for it. */
public sealed interface ThinkingConfig {

    /** Thinking with a token budget. */
    record Enabled(int budgetTokens) implements ThinkingConfig {
        public Enabled {
            if (budgetTokens < 0) {
                throw new InvalidRequestException("thinking.budget_tokens must not be negative");
            }
        }
    }

    /** The model decides how much to think. */
    record Adaptive() implements ThinkingConfig {
    }

    /** No thinking. */
    record Disabled() implements ThinkingConfig {
    }

    /** Whether thinking blocks should reach the client. */
    default boolean showsThinking() {
        return !(this instanceof Disabled);
    }
}
