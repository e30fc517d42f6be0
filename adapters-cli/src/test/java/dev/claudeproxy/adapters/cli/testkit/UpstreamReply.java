package dev.claudeproxy.adapters.cli.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One scripted answer of {@link FakeUpstream}: either a streamed assistant message or an HTTP error. */
public final class UpstreamReply {

    static final String SIGNATURE = "ZmFrZXNpZw==";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Block(String type, String name, List<String> pieces) {
    }

    private final int status;
    private final String errorType;
    private final String errorMessage;
    private final List<Block> blocks;
    private final String stopReason;
    private final Duration stall;
    private final Duration eventDelay;

    private UpstreamReply(int status, String errorType, String errorMessage, List<Block> blocks,
                          String stopReason, Duration stall, Duration eventDelay) {
        this.status = status;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.blocks = List.copyOf(blocks);
        this.stopReason = stopReason;
        this.stall = Objects.requireNonNull(stall);
        this.eventDelay = Objects.requireNonNull(eventDelay);
    }

    private static UpstreamReply stream(String stopReason, Duration stall, Block... blocks) {
        return new UpstreamReply(200, null, null, List.of(blocks), stopReason, stall, Duration.ZERO);
    }

    /** One text block; each string becomes one text_delta. */
    public static UpstreamReply text(String... deltas) {
        return stream("end_turn", Duration.ZERO, new Block("text", null, List.of(deltas)));
    }

    /** A thinking block (thinking_deltas plus a signature_delta), then a text block. */
    public static UpstreamReply thinkingThenText(String thinking, String... textDeltas) {
        return stream("end_turn", Duration.ZERO,
                new Block("thinking", null, split(thinking, 16)),
                new Block("text", null, List.of(textDeltas)));
    }

    /** A tool_use block whose input JSON arrives in ~8-character input_json_delta fragments. */
    public static UpstreamReply toolUse(String name, String inputJson) {
        if (!parse(inputJson).isObject()) {
            throw new IllegalArgumentException("tool input must be a JSON object: " + inputJson);
        }
        return stream("tool_use", Duration.ZERO, new Block("tool_use", name, split(inputJson, 8)));
    }

    /** An HTTP error with the Anthropic error body, e.g. {@code error(529, "overloaded_error", "Overloaded")}. */
    public static UpstreamReply error(int status, String type, String message) {
        return new UpstreamReply(status, type, message, List.of(), null, Duration.ZERO, Duration.ZERO);
    }

    /** Sends message_start, stays silent for {@code stall}, then streams a text block. */
    public static UpstreamReply stallThenText(Duration stall, String... deltas) {
        return stream("end_turn", stall, new Block("text", null, List.of(deltas)));
    }

    /** This reply with a pause between consecutive SSE events. */
    public UpstreamReply withEventDelay(Duration delay) {
        return new UpstreamReply(status, errorType, errorMessage, blocks, stopReason, stall, delay);
    }

    /** The concatenated text of all text blocks, i.e. what the CLI reports as {@code result}. */
    public String text() {
        StringBuilder out = new StringBuilder();
        blocks.stream().filter(b -> b.type().equals("text")).forEach(b -> b.pieces().forEach(out::append));
        return out.toString();
    }

    boolean isError() {
        return status != 200;
    }

    int status() {
        return status;
    }

    Duration stall() {
        return stall;
    }

    Duration eventDelay() {
        return eventDelay;
    }

    ObjectNode errorBody() {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", errorType).put("message", errorMessage);
        return body;
    }

    /** The SSE events, in order; each event's name is its {@code type} field. */
    List<ObjectNode> streamEvents(String model, int inputTokens) {
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode start = event("message_start");
        start.set("message", skeleton(model, inputTokens));
        events.add(start);
        for (int index = 0; index < blocks.size(); index++) {
            Block block = blocks.get(index);
            ObjectNode blockStart = event("content_block_start").put("index", index);
            blockStart.set("content_block", emptyBlock(block));
            events.add(blockStart);
            for (String piece : block.pieces()) {
                events.add(delta(index, deltaType(block.type()), deltaField(block.type()), piece));
            }
            if (block.type().equals("thinking")) {
                events.add(delta(index, "signature_delta", "signature", SIGNATURE));
            }
            events.add(event("content_block_stop").put("index", index));
        }
        ObjectNode messageDelta = event("message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", outputTokens());
        events.add(messageDelta);
        events.add(event("message_stop"));
        return events;
    }

    /** The whole message as a non-streaming response carries it. */
    ObjectNode message(String model, int inputTokens) {
        ObjectNode message = skeleton(model, inputTokens).put("stop_reason", stopReason);
        ((ObjectNode) message.get("usage")).put("output_tokens", outputTokens());
        ArrayNode content = message.putArray("content");
        for (Block block : blocks) {
            ObjectNode node = emptyBlock(block);
            String joined = String.join("", block.pieces());
            switch (block.type()) {
                case "text" -> node.put("text", joined);
                case "thinking" -> node.put("thinking", joined).put("signature", SIGNATURE);
                default -> node.set("input", parse(joined));
            }
            content.add(node);
        }
        return message;
    }

    private ObjectNode skeleton(String model, int inputTokens) {
        ObjectNode message = JSON.createObjectNode().put("id", newId("msg_fake_", 20))
                .put("type", "message").put("role", "assistant").put("model", model);
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.set("usage", usage(inputTokens, 1));
        return message;
    }

    private int outputTokens() {
        return Math.max(1, blocks.stream().mapToInt(b -> b.pieces().size()).sum());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static ObjectNode emptyBlock(Block block) {
        ObjectNode node = JSON.createObjectNode().put("type", block.type());
        switch (block.type()) {
            case "text" -> node.put("text", "");
            case "thinking" -> node.put("thinking", "").put("signature", "");
            default -> {
                node.put("id", newId("toolu_fake_", 12)).put("name", block.name());
                node.putObject("input");
            }
        }
        return node;
    }

    private static String deltaType(String blockType) {
        return switch (blockType) {
            case "text" -> "text_delta";
            case "thinking" -> "thinking_delta";
            default -> "input_json_delta";
        };
    }

    private static String deltaField(String blockType) {
        return switch (blockType) {
            case "text" -> "text";
            case "thinking" -> "thinking";
            default -> "partial_json";
        };
    }

    private static ObjectNode delta(int index, String type, String field, String value) {
        ObjectNode event = event("content_block_delta").put("index", index);
        event.putObject("delta").put("type", type).put(field, value);
        return event;
    }

    private static ObjectNode usage(int inputTokens, int outputTokens) {
        return JSON.createObjectNode().put("input_tokens", inputTokens)
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0)
                .put("output_tokens", outputTokens).put("service_tier", "standard");
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static String newId(String prefix, int hexChars) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, hexChars);
    }

    private static List<String> split(String s, int size) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < s.length(); i += size) {
            pieces.add(s.substring(i, Math.min(s.length(), i + size)));
        }
        return pieces;
    }
}
