package dev.claudeproxy.domain.session;

import dev.claudeproxy.domain.json.JsonParseException;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds the conversation a request belongs to: explicit headers first, else openclaw's metadata block (SPEC §9). */
public final class ConversationIds {

    private static final Pattern METADATA = Pattern.compile("Conversation info[^`]*```json\\s*(\\{.*?})\\s*```",
            Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("\"conversation_label\"\\s*:\\s*\"([^\"]*)\"");

    private ConversationIds() {
    }

    /**
     * The conversation id: {@code conversationHeader}, else {@code sessionHeader}, else the metadata of the
     * latest user message that has some; blank values count as absent.
     */
    public static Optional<String> resolve(Optional<String> conversationHeader, Optional<String> sessionHeader,
                                           List<Message> messages) {
        return nonBlank(conversationHeader)
                .or(() -> nonBlank(sessionHeader))
                .or(() -> fromMetadata(messages));
    }

    /** The id openclaw embeds in a user message: {@code conversation_label}, else {@code dm:<sender_id>}. */
    public static Optional<String> fromMetadata(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.role() != Role.USER) {
                continue;
            }
            Optional<String> id = fromText(text(m));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromText(String text) {
        Matcher block = METADATA.matcher(text);
        if (!block.find()) {
            return Optional.empty();
        }
        String json = block.group(1);
        JsonValue meta;
        try {
            meta = JsonParser.parse(json);
        } catch (JsonParseException e) {
            Matcher label = LABEL.matcher(json);
            return label.find() ? nonBlank(Optional.of(label.group(1))) : Optional.empty();
        }
        if (!(meta instanceof JsonValue.JsonObject object)) {
            return Optional.empty();
        }
        Optional<String> label = string(object, "conversation_label");
        return label.isPresent() ? label : string(object, "sender_id").map(sender -> "dm:" + sender);
    }

    private static Optional<String> string(JsonValue.JsonObject object, String key) {
        return switch (object.members().get(key)) {
            case JsonValue.JsonString(String s) -> nonBlank(Optional.of(s));
            case JsonValue.JsonNumber n -> Optional.of(n.toJson());
            case null, default -> Optional.empty();
        };
    }

    private static String text(Message m) {
        return m.content().stream()
                .filter(ContentBlock.Text.class::isInstance)
                .map(b -> ((ContentBlock.Text) b).text())
                .collect(Collectors.joining("\n"));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
