package dev.claudeproxy.domain.turn;

/** Token usage of one turn as the CLI reported it (or as estimated when it reported none). */
public record Usage(int inputTokens, int outputTokens, int cacheCreationInputTokens, int cacheReadInputTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheCreationInputTokens < 0 || cacheReadInputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public static Usage of(int inputTokens, int outputTokens) {
        return new Usage(inputTokens, outputTokens, 0, 0);
    }

    public Usage withOutputTokens(int output) {
        return new Usage(inputTokens, output, cacheCreationInputTokens, cacheReadInputTokens);
    }
}
