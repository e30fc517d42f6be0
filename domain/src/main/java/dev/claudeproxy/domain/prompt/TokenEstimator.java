package dev.claudeproxy.domain.prompt;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.List;

/** A rough token count (four characters a token, a fixed cost per image) for when the CLI reports none. */
public final class TokenEstimator {

    /** What one image costs, roughly: Anthropic's figure for an image of about 1.15 megapixels. */
    public static final int IMAGE_TOKENS = 1600;

    private TokenEstimator() {
    }

    public static int ofText(String text) {
        return text == null ? 0 : ofChars(text.length());
    }

    public static int ofChars(int chars) {
        return (chars + 3) / 4;
    }

    /** Counts system prompt, every message and the tools, as the full-context prompt would carry them. */
    public static int ofRequest(String system, List<Message> messages, List<ToolDefinition> tools) {
        Prompt prompt = PromptRenderer.fullContext(system, messages, tools);
        int images = 0;
        for (Message m : messages) {
            images += (int) m.content().stream().filter(ContentBlock.Image.class::isInstance).count();
        }
        return ofText(prompt.systemPrompt().orElse("")) + ofText(prompt.userText()) + images * IMAGE_TOKENS;
    }
}
