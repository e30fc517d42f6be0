package dev.claudeproxy.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream-json lines written to the CLI's stdin: the {@code initialize} control request carrying the
 * system prompt (as the Agent SDK sends it; argv would cap it at 128 KiB), then the user turn; a process that already
 * ran a turn of the session is written only the next user turn.
 */
final class StdinMessages {

    private final ObjectMapper mapper;

    StdinMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<String> forTurn(TurnRequest request) {
        List<String> lines = new ArrayList<>(2);
        request.systemPrompt().ifPresent(system -> lines.add(initialize(system)));
        lines.add(userTurn(request.userContent()));
        return lines;
    }

    /** The lines of a further turn in a process that ran the session's last one: its system prompt is set already. */
    List<String> forNextTurn(TurnRequest request) {
        return List.of(userTurn(request.userContent()));
    }

    private String initialize(String systemPrompt) {
        ObjectNode line = mapper.createObjectNode();
        line.put("request_id", "init_1");
        line.put("type", "control_request");
        ObjectNode request = line.putObject("request");
        request.put("subtype", "initialize");
        request.putArray("systemPrompt").add(systemPrompt);
        return line.toString();
    }

    private String userTurn(List<ContentBlock> content) {
        ObjectNode line = mapper.createObjectNode();
        line.put("type", "user");
        line.put("session_id", "");
        ObjectNode message = line.putObject("message");
        message.put("role", "user");
        ArrayNode blocks = message.putArray("content");
        for (ContentBlock block : content) {
            switch (block) {
                case ContentBlock.Text t -> blocks.addObject().put("type", "text").put("text", t.text());
                case ContentBlock.Image i -> image(blocks.addObject(), i.source());
                default -> throw new IllegalArgumentException("a CLI user turn holds only text and images");
            }
        }
        line.putNull("parent_tool_use_id");
        return line.toString();
    }

    private static void image(ObjectNode block, ImageSource source) {
        block.put("type", "image");
        ObjectNode s = block.putObject("source");
        switch (source) {
            case ImageSource.Base64 b -> s.put("type", "base64").put("media_type", b.mediaType()).put("data", b.data());
            case ImageSource.Url u -> s.put("type", "url").put("url", u.url());
        }
    }
}
