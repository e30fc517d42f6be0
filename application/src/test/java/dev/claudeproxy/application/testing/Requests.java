package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.List;
import java.util.Optional;

/** Commands for tests: a model, a conversation, and nothing else unless asked for. */
public final class Requests {

    public static final String MODEL = "claude-sonnet-4-6";

    private Requests() {
    }

    public static CreateMessageCommand ask(String text) {
        return conversation(List.of(Message.user(text)));
    }

    public static CreateMessageCommand conversation(List<Message> messages) {
        return new CreateMessageCommand("req_test", MODEL, "", messages, List.of(), Optional.empty());
    }

    public static CreateMessageCommand withThinking(String text, ThinkingConfig thinking) {
        return new CreateMessageCommand("req_test", MODEL, "", List.of(Message.user(text)), List.of(),
                Optional.of(thinking));
    }

    /** A question with {@code tools} offered as {@code choice} says. */
    public static CreateMessageCommand withTools(String text, List<ToolDefinition> tools, ToolChoice choice) {
        return new CreateMessageCommand("req_test", MODEL, "", List.of(Message.user(text)), tools, Optional.empty(),
                choice);
    }

    public static CreateMessageCommand full(String model, String system, List<Message> messages,
                                            List<ToolDefinition> tools, Optional<ThinkingConfig> thinking) {
        return new CreateMessageCommand("req_test", model, system, messages, tools, thinking);
    }
}
