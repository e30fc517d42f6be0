package dev.claudeproxy.domain.message;

import java.util.Locale;

/** Who spoke a message in a conversation. */
public enum Role {
    USER,
    ASSISTANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name ("user" or "assistant"). */
    public static Role fromWire(String name) {
        for (Role r : values()) {
            if (r.wireName().equals(name)) {
                return r;
            }
        }
        throw new InvalidRequestException("role must be \"user\" or \"assistant\", got \"" + name + "\"");
    }
}
