package dev.claudeproxy.domain.message;

import java.util.List;
import java.util.Objects;

/** The tools a request offers the model and how it may use them; a named choice must name an offered tool. */
public record ToolOffer(List<ToolDefinition> tools, ToolChoice choice) {

    /** No tools. */
    public static final ToolOffer NONE = new ToolOffer(List.of(), ToolChoice.auto());

    public ToolOffer {
        tools = tools == null ? List.of() : List.copyOf(tools);
        choice = choice == null ? ToolChoice.auto() : choice;
        if (choice instanceof ToolChoice.Named(String name)
                && tools.stream().noneMatch(t -> t.name().equals(name))) {
            throw new InvalidRequestException("tool_choice: names the tool \"" + name
                    + "\", which is not among the request's tools");
        }
    }

    /** The tools with the default choice. */
    public static ToolOffer auto(List<ToolDefinition> tools) {
        return new ToolOffer(tools, ToolChoice.auto());
    }

    /** Whether the model is offered tools, so its answer must be searched for tool calls. */
    public boolean active() {
        return !tools.isEmpty() && !(choice instanceof ToolChoice.None);
    }
}
