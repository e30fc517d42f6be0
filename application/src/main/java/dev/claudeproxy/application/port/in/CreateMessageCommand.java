package dev.claudeproxy.application.port.in;

import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.message.ToolOffer;
import dev.claudeproxy.domain.prompt.ContentRenderer;
import dev.claudeproxy.domain.session.ConversationIds;
import dev.claudeproxy.domain.session.Session;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for one assistant reply: the model asked for, system prompt, conversation, tools, thinking, and the
 * id of the conversation it continues (named by the client, or found in openclaw's metadata), if any, and where it
 * came from.
 */
public record CreateMessageCommand(String requestId, String model, String system, List<Message> messages,
                                   List<ToolDefinition> tools, Optional<ThinkingConfig> thinking,
                                   ToolChoice toolChoice, Optional<String> conversationId, RequestOrigin origin) {

    /** A command whose origin is unknown. */
    public CreateMessageCommand(String requestId, String model, String system, List<Message> messages,
                                List<ToolDefinition> tools, Optional<ThinkingConfig> thinking,
                                ToolChoice toolChoice, Optional<String> conversationId) {
        this(requestId, model, system, messages, tools, thinking, toolChoice, conversationId, RequestOrigin.unknown());
    }

    /** A command whose tools, if any, are offered with the default choice. */
    public CreateMessageCommand(String requestId, String model, String system, List<Message> messages,
                                List<ToolDefinition> tools, Optional<ThinkingConfig> thinking) {
        this(requestId, model, system, messages, tools, thinking, ToolChoice.auto());
    }

    /** A command whose conversation id, if any, comes from the messages' metadata alone. */
    public CreateMessageCommand(String requestId, String model, String system, List<Message> messages,
                                List<ToolDefinition> tools, Optional<ThinkingConfig> thinking,
                                ToolChoice toolChoice) {
        this(requestId, model, system, messages, tools, thinking, toolChoice, Optional.empty());
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
        conversationId = ConversationIds.resolve(conversationId == null ? Optional.empty() : conversationId,
                Optional.empty(), messages);
        if (conversationId.filter(id -> id.length() > Session.MAX_CONVERSATION_ID_LENGTH).isPresent()) {
            throw new InvalidRequestException("conversation id: must be at most "
                    + Session.MAX_CONVERSATION_ID_LENGTH + " characters");
        }
        origin = origin == null ? RequestOrigin.unknown() : origin;
    }

    /** This command for the conversation the client named (x-conversation-id, else x-session-id), if it did. */
    public CreateMessageCommand withConversation(Optional<String> conversationHeader, Optional<String> sessionHeader) {
        Optional<String> named = ConversationIds.resolve(conversationHeader, sessionHeader, List.of());
        return named.isEmpty() ? this : new CreateMessageCommand(requestId, model, system, messages, tools, thinking,
                toolChoice, named, origin);
    }

    /** This command as it came in from {@code origin}. */
    public CreateMessageCommand withOrigin(RequestOrigin origin) {
        return new CreateMessageCommand(requestId, model, system, messages, tools, thinking, toolChoice,
                conversationId, origin);
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
