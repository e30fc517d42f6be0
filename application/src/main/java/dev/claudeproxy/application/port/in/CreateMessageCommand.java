package dev.claudeproxy.application.port.in;

import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.message.ToolOffer;
import dev.claudeproxy.domain.prompt.ContentRenderer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A request for one assistant reply: the model asked for, system prompt, conversation, tools and thinking. */
public record CreateMessageCommand(String requestId, String model, String system, List<Message> messages,
                                   List<ToolDefinition> tools, Optional<ThinkingConfig> thinking,
                                   ToolChoice toolChoice) {

    /** A command whose tools, if any, are offered with the default choice. */
    public CreateMessageCommand(String requestId, String model, String system, List<Message> messages,
                                List<ToolDefinition> tools, Optional<ThinkingConfig> thinking) {
        this(requestId, model, system, messages, tools, thinking, ToolChoice.auto());
    }

    public CreateMessageCommand {
        Objects.requireNonNull(requestId, "requestId");
        if (model == null || model.isBlank()) {
            throw new InvalidRequestException("model: must be a non-empty string");
        }
        system = system == null ? "" : system;
        if (messages == null || messages.isEmpty()) {
            throw new InvalidRequestException("messages: must be a non-empty array");
        }
        messages = List.copyOf(messages);
        requireContent(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        thinking = thinking == null ? Optional.empty() : thinking;
        toolChoice = new ToolOffer(tools, toolChoice).choice();
    }

    /** The tools and how the model may use them. */
    public ToolOffer toolOffer() {
        return new ToolOffer(tools, toolChoice);
    }

    /** Every message needs content; the last one must give the CLI something to answer (text or an image). */
    private static void requireContent(List<Message> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).content().isEmpty()) {
                throw new InvalidRequestException("messages." + i + ".content: must not be empty");
            }
        }
        Message last = messages.getLast();
        if (!last.hasImages() && ContentRenderer.render(last.content()).isBlank()) {
            throw new InvalidRequestException("messages." + (messages.size() - 1)
                    + ".content: the last message must contain text or an image");
        }
    }
}
