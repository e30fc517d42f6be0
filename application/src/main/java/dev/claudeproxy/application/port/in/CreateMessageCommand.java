package dev.claudeproxy.application.port.in;

import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A request for one assistant reply: the model asked for, system prompt, conversation, tools and thinking. */
public record CreateMessageCommand(String requestId, String model, String system, List<Message> messages,
                                   List<ToolDefinition> tools, Optional<ThinkingConfig> thinking) {

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
        tools = tools == null ? List.of() : List.copyOf(tools);
        thinking = thinking == null ? Optional.empty() : thinking;
    }
}
