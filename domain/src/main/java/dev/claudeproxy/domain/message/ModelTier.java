package dev.claudeproxy.domain.message;

import java.util.Locale;

/** The CLI model alias a requested model maps to. */
public enum ModelTier {
    OPUS,
    SONNET,
    HAIKU;

    /** The value of the CLI's {@code --model} flag. */
    public String cliAlias() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps any requested model name: "opus" in it → opus, "haiku" → haiku, anything else → sonnet. */
    public static ModelTier forRequestedModel(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (m.contains("opus")) {
            return OPUS;
        }
        if (m.contains("haiku")) {
            return HAIKU;
        }
        return SONNET;
    }
}
