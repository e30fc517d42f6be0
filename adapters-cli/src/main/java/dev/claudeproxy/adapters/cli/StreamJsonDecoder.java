package dev.claudeproxy.adapters.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the CLI's stdout, one stream-json line at a time, into turn events. With partial messages the
 * content comes from {@code stream_event} lines; without, from the whole blocks of {@code assistant} lines.
 * The {@code result} line ends the turn.
 */
final class StreamJsonDecoder {

    private static final String CONTROL_RESPONSE = "{\"type\":\"control_response\"";

    private final ObjectMapper mapper;
    private final boolean partialMessages;
    private int blockOffset;
    private int blocksInMessage;
    private boolean messageStarted;

    StreamJsonDecoder(ObjectMapper mapper, boolean partialMessages) {
        this.mapper = mapper;
        this.partialMessages = partialMessages;
    }

    /** The events one line stands for; empty for lines that carry nothing for the client. */
    List<TurnEvent> decode(String line) {
        if (line.startsWith(CONTROL_RESPONSE)) {
            return List.of(); // the answer to initialize lists every command: tens of kilobytes nobody needs
        }
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (node == null || !node.isObject()) {
            return List.of();
        }
        return switch (node.path("type").asText()) {
            case "system" -> system(node);
            case "stream_event" -> partialMessages ? streamEvent(node.path("event")) : List.of();
            case "assistant" -> partialMessages ? List.of() : assistant(node.path("message"));
            case "result" -> List.of(ResultMapping.toEvent(node));
            default -> List.of();
        };
    }

    private static List<TurnEvent> system(JsonNode node) {
        if ("init".equals(node.path("subtype").asText())) {
            return List.of(new TurnEvent.SessionStarted(node.path("session_id").asText(""),
                    node.path("model").asText("")));
        }
        return List.of();
    }

    private List<TurnEvent> streamEvent(JsonNode event) {
        int index = blockOffset + event.path("index").asInt(0);
        return switch (event.path("type").asText()) {
            case "message_start" -> {
                blockOffset += blocksInMessage;
                blocksInMessage = 0;
                yield List.of(new TurnEvent.MessageStarted(ResultMapping.usage(event.path("message").path("usage"))));
            }
            case "content_block_start" -> {
                blocksInMessage = Math.max(blocksInMessage, event.path("index").asInt(0) + 1);
                yield blockStart(index, event.path("content_block"));
            }
            case "content_block_delta" -> delta(index, event.path("delta"));
            case "content_block_stop" -> List.of(new TurnEvent.BlockStopped(index));
            default -> List.of();
        };
    }

    private static List<TurnEvent> blockStart(int index, JsonNode block) {
        return switch (block.path("type").asText()) {
            case "text" -> List.of(TurnEvent.BlockStarted.of(index, BlockKind.TEXT));
            case "thinking", "redacted_thinking" -> List.of(TurnEvent.BlockStarted.of(index, BlockKind.THINKING));
            case "tool_use" -> List.of(new TurnEvent.BlockStarted(index, BlockKind.TOOL_USE,
                    block.path("id").asText(""), block.path("name").asText("")));
            default -> List.of();
        };
    }

    private static List<TurnEvent> delta(int index, JsonNode delta) {
        return switch (delta.path("type").asText()) {
            case "text_delta" -> List.of(new TurnEvent.TextDelta(index, delta.path("text").asText("")));
            case "thinking_delta" -> List.of(new TurnEvent.ThinkingDelta(index, delta.path("thinking").asText("")));
            case "signature_delta" ->
                    List.of(new TurnEvent.SignatureDelta(index, delta.path("signature").asText("")));
            case "input_json_delta" ->
                    List.of(new TurnEvent.InputJsonDelta(index, delta.path("partial_json").asText("")));
            default -> List.of();
        };
    }

    /** Without partial messages each {@code assistant} line holds finished blocks: replay them as events. */
    private List<TurnEvent> assistant(JsonNode message) {
        if ("<synthetic>".equals(message.path("model").asText())) {
            return List.of();
        }
        List<TurnEvent> events = new ArrayList<>();
        if (!messageStarted) {
            messageStarted = true;
            events.add(new TurnEvent.MessageStarted(ResultMapping.usage(message.path("usage"))));
        }
        for (JsonNode block : message.path("content")) {
            int index = blockOffset++;
            switch (block.path("type").asText()) {
                case "text" -> {
                    events.add(TurnEvent.BlockStarted.of(index, BlockKind.TEXT));
                    events.add(new TurnEvent.TextDelta(index, block.path("text").asText("")));
                }
                case "thinking" -> {
                    events.add(TurnEvent.BlockStarted.of(index, BlockKind.THINKING));
                    events.add(new TurnEvent.ThinkingDelta(index, block.path("thinking").asText("")));
                    events.add(new TurnEvent.SignatureDelta(index, block.path("signature").asText("")));
                }
                case "tool_use" -> {
                    events.add(new TurnEvent.BlockStarted(index, BlockKind.TOOL_USE, block.path("id").asText(""),
                            block.path("name").asText("")));
                    events.add(new TurnEvent.InputJsonDelta(index, block.path("input").toString()));
                }
                default -> {
                    continue;
                }
            }
            events.add(new TurnEvent.BlockStopped(index));
        }
        return events;
    }
}
