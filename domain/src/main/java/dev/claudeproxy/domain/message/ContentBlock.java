package dev.claudeproxy.domain.message;

import dev.claudeproxy.domain.json.JsonValue;
import java.util.List;
import java.util.Objects;

/** One block of a message's content, as in the Anthropic Messages API. */
public sealed interface ContentBlock {

    /** Plain text. */
    record Text(String text) implements ContentBlock {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image, passed to the model natively. */
    record Image(ImageSource source) implements ContentBlock {
        public Image {
            Objects.requireNonNull(source, "source");
        }
    }

    /** A call of a client tool made by the assistant. */
    record ToolUse(String id, String name, JsonValue input) implements ContentBlock {
        public ToolUse {
            if (name == null || name.isBlank()) {
                throw new InvalidRequestException("tool_use name is required");
            }
            id = id == null ? "" : id;
            input = input == null ? JsonValue.JsonObject.empty() : input;
        }
    }

    /** The result of a tool call, sent back by the client. */
    record ToolResult(String toolUseId, List<ContentBlock> content, boolean isError) implements ContentBlock {
        public ToolResult {
            toolUseId = toolUseId == null ? "" : toolUseId;
            content = List.copyOf(content);
        }
    }

    /** The model's visible reasoning; never sent back to the CLI. */
    record Thinking(String thinking, String signature) implements ContentBlock {
        public Thinking {
            thinking = thinking == null ? "" : thinking;
            signature = signature == null ? "" : signature;
        }
    }
}
