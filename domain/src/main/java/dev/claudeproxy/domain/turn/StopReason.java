package dev.claudeproxy.domain.turn;

import java.util.Locale;

/** Why the model stopped, with the Anthropic wire names. */
public enum StopReason {
    END_TURN,
    MAX_TOKENS,
    STOP_SEQUENCE,
    TOOL_USE,
    PAUSE_TURN,
    REFUSAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; anything unknown or absent counts as {@code end_turn}. */
    public static StopReason fromWire(String name) {
        if (name != null) {
            for (StopReason r : values()) {
                if (r.wireName().equals(name)) {
                    return r;
                }
            }
        }
        return END_TURN;
    }
}
