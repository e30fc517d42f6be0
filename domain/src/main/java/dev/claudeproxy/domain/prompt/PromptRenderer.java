package dev.claudeproxy.domain.prompt;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.message.ToolOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a conversation into one CLI turn: system prompt with prior turns, and the last message (SPEC §4). */
public final class PromptRenderer {

    private PromptRenderer() {
    }

    /** The full-context prompt with {@code tools} offered with the default choice. */
    public static Prompt fullContext(String system, List<Message> messages, List<ToolDefinition> tools) {
        return fullContext(system, messages, ToolOffer.auto(tools));
    }

    /** The full-context prompt: every message but the last goes into the system prompt. */
    public static Prompt fullContext(String system, List<Message> messages, ToolOffer tools) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        StringBuilder sys = new StringBuilder(system == null ? "" : system);
        List<Message> prior = messages.subList(0, messages.size() - 1);
        if (!prior.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Message m : prior) {
                String tag = m.role() == Role.ASSISTANT ? "[Assistant]" : "[User]";
                parts.add(tag + "\n" + ContentRenderer.render(m.content()));
            }
            sys.append("\n\nPrior conversation turns:\n\n").append(String.join("\n\n", parts)).append("\n\n---");
        }
        sys.append(ToolsSection.render(tools));
        return lastMessageWith(sys.toString(), messages.getLast());
    }

    /** A resumed turn: the CLI already holds the history, so only the last message is sent. */
    public static Prompt resumed(String system, List<Message> messages, ToolOffer tools) {
        String sys = (system == null ? "" : system) + ToolsSection.render(tools);
        return lastMessageWith(sys, messages.getLast());
    }

    private static Prompt lastMessageWith(String system, Message last) {
        String trimmed = system.strip();
        Optional<String> systemPrompt = trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
        String text = ContentRenderer.render(last.content());
        return new Prompt(systemPrompt, nativeContent(last, text), text);
    }

    /** Images stay native blocks; every other block becomes text, as the CLI's stream-json input wants. */
    private static List<ContentBlock> nativeContent(Message last, String text) {
        if (!last.hasImages()) {
            return List.of(new ContentBlock.Text(text));
        }
        List<ContentBlock> out = new ArrayList<>();
        for (ContentBlock b : last.content()) {
            switch (b) {
                case ContentBlock.Image image -> out.add(image);
                case ContentBlock.Text t -> out.add(t);
                default -> {
                    String s = ContentRenderer.render(b);
                    if (!s.isEmpty()) {
                        out.add(new ContentBlock.Text(s));
                    }
                }
            }
        }
        return out;
    }
}
