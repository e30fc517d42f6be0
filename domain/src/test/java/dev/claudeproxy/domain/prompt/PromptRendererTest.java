package dev.claudeproxy.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.message.ToolOffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptRendererTest {

    private static final ContentBlock.Image PNG =
            new ContentBlock.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="));
    private static final List<ToolDefinition> TOOLS = List.of(new ToolDefinition("get_weather", "Weather now",
            JsonParser.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")));

    @Test
    void aSingleMessageWithoutSystem_becomesThePromptWithNoSystemPrompt() {
        Prompt prompt = PromptRenderer.fullContext("", List.of(Message.user("Hello")), List.of());

        assertThat(prompt.systemPrompt()).isEmpty();
        assertThat(prompt.userContent()).containsExactly(new ContentBlock.Text("Hello"));
        assertThat(prompt.userText()).isEqualTo("Hello");
        assertThat(prompt.imageCount()).isZero();
    }

    @Test
    void aSingleMessageWithSystem_putsTheSystemIntoTheSystemPrompt() {
        Prompt prompt = PromptRenderer.fullContext("Be brief.", List.of(Message.user("Hello")), List.of());

        assertThat(prompt.systemPrompt()).contains("Be brief.");
        assertThat(prompt.userText()).isEqualTo("Hello");
    }

    @Test
    void aNullOrBlankSystem_givesNoSystemPrompt() {
        assertThat(PromptRenderer.fullContext(null, List.of(Message.user("Hi")), List.of()).systemPrompt()).isEmpty();
        assertThat(PromptRenderer.fullContext(" \n", List.of(Message.user("Hi")), List.of()).systemPrompt()).isEmpty();
    }

    @Test
    void severalMessages_putThePriorTurnsIntoTheSystemPrompt_andTheLastBecomesThePrompt() {
        Prompt prompt = PromptRenderer.fullContext("", List.of(Message.user("Hi"), Message.assistant("Hello!"),
                Message.user("How are you?")), List.of());

        assertThat(prompt.systemPrompt()).contains(
                "Prior conversation turns:\n\n[User]\nHi\n\n[Assistant]\nHello!\n\n---");
        assertThat(prompt.userContent()).containsExactly(new ContentBlock.Text("How are you?"));
        assertThat(prompt.userText()).isEqualTo("How are you?");
    }

    @Test
    void severalMessagesWithSystem_putTheSystemFirstThenThePriorTurns() {
        Prompt prompt = PromptRenderer.fullContext("You are terse.",
                List.of(Message.user("Hi"), Message.assistant("Yo."), Message.user("Bye")), List.of());

        assertThat(prompt.systemPrompt()).contains(
                "You are terse.\n\nPrior conversation turns:\n\n[User]\nHi\n\n[Assistant]\nYo.\n\n---");
    }

    @Test
    void priorToolCallsAndResults_areRenderedAsTextInThePriorTurns() {
        Message call = new Message(Role.ASSISTANT, List.of(new ContentBlock.Thinking("secret", "sig"),
                new ContentBlock.Text("Checking."), new ContentBlock.ToolUse("toolu_1", "get_weather",
                        JsonParser.parse("{\"city\":\"Paris\"}"))));
        Message result = new Message(Role.USER, List.of(new ContentBlock.ToolResult("toolu_1",
                List.of(new ContentBlock.Text("Sunny")), false)));

        Prompt prompt = PromptRenderer.fullContext("",
                List.of(Message.user("Weather?"), call, result, Message.user("Thanks")), List.of());

        assertThat(prompt.systemPrompt().orElseThrow()).isEqualTo("Prior conversation turns:\n\n"
                + "[User]\nWeather?\n\n"
                + "[Assistant]\nChecking.\n<tool_use>\n{\"name\": \"get_weather\", \"input\": {\"city\":\"Paris\"}}\n</tool_use>\n\n"
                + "[User]\n[Tool Result (id: toolu_1)]\nSunny\n[/Tool Result]\n\n---");
    }

    @Test
    void tools_appendTheToolsSectionAfterSystemAndPriorTurns() {
        Prompt prompt = PromptRenderer.fullContext("Be brief.",
                List.of(Message.user("Hi"), Message.assistant("Hello"), Message.user("Weather?")), ToolOffer.auto(TOOLS));

        String system = prompt.systemPrompt().orElseThrow();
        assertThat(system).startsWith("Be brief.\n\nPrior conversation turns:");
        assertThat(system).endsWith(ToolsSection.render(TOOLS).strip());
        assertThat(system.indexOf("---")).isLessThan(system.indexOf("# Tools"));
    }

    @Test
    void toolsWithoutSystem_stillMakeASystemPrompt() {
        Prompt prompt = PromptRenderer.fullContext(null, List.of(Message.user("Weather?")), ToolOffer.auto(TOOLS));

        assertThat(prompt.systemPrompt()).contains(ToolsSection.render(TOOLS).strip());
    }

    @Test
    void imagesInTheLastMessage_stayNativeBlocksInTheirOrder() {
        Message last = new Message(Role.USER, List.of(new ContentBlock.Text("What is this?"), PNG,
                new ContentBlock.Text("And this?"), new ContentBlock.Image(new ImageSource.Url("https://x.test/b.png"))));

        Prompt prompt = PromptRenderer.fullContext("", List.of(last), List.of());

        assertThat(prompt.userContent()).containsExactlyElementsOf(last.content());
        assertThat(prompt.imageCount()).isEqualTo(2);
        assertThat(prompt.userText()).isEqualTo("What is this?\n[Image attached]\nAnd this?\n[Image attached]");
    }

    @Test
    void otherBlocksBesideAnImage_becomeTextBlocks_andThinkingIsDropped() {
        Message last = new Message(Role.USER, List.of(new ContentBlock.ToolResult("toolu_1",
                List.of(new ContentBlock.Text("done")), false), new ContentBlock.Thinking("x", "y"), PNG));

        Prompt prompt = PromptRenderer.fullContext("", List.of(last), List.of());

        assertThat(prompt.userContent()).containsExactly(
                new ContentBlock.Text("[Tool Result (id: toolu_1)]\ndone\n[/Tool Result]"), PNG);
    }

    @Test
    void imagesInPriorMessages_becomeAttachmentNotesInTheSystemPrompt() {
        Message first = new Message(Role.USER, List.of(new ContentBlock.Text("See"), PNG));

        Prompt prompt = PromptRenderer.fullContext("", List.of(first, Message.assistant("A cat."),
                Message.user("Sure?")), List.of());

        assertThat(prompt.systemPrompt().orElseThrow()).contains("[User]\nSee\n[Image attached]");
        assertThat(prompt.userContent()).containsExactly(new ContentBlock.Text("Sure?"));
        assertThat(prompt.imageCount()).isZero();
    }

    @Test
    void aLastMessageOfSeveralTextBlocks_withoutImages_isOneTextBlock() {
        Message last = new Message(Role.USER, List.of(new ContentBlock.Text("one"), new ContentBlock.Text("two")));

        assertThat(PromptRenderer.fullContext("", List.of(last), List.of()).userContent())
                .containsExactly(new ContentBlock.Text("one\ntwo"));
    }

    @Test
    void aResumedTurn_sendsOnlyTheLastMessage_withSystemAndTools() {
        Prompt prompt = PromptRenderer.resumed("Be brief.",
                List.of(Message.user("Hi"), Message.assistant("Hello"), Message.user("Weather?")), ToolOffer.auto(TOOLS));

        assertThat(prompt.systemPrompt().orElseThrow())
                .startsWith("Be brief.")
                .doesNotContain("Prior conversation turns")
                .doesNotContain("[User]")
                .contains("# Tools");
        assertThat(prompt.userText()).isEqualTo("Weather?");
    }

    @Test
    void aResumedTurnWithoutSystemOrTools_hasNoSystemPrompt() {
        Prompt prompt = PromptRenderer.resumed(null, List.of(Message.user("Hi"), Message.assistant("Hello"),
                Message.user("Again")), ToolOffer.NONE);

        assertThat(prompt.systemPrompt()).isEqualTo(Optional.empty());
        assertThat(prompt.userContent()).containsExactly(new ContentBlock.Text("Again"));
    }

    @Test
    void noMessagesAtAll_isRejected() {
        assertThatThrownBy(() -> PromptRenderer.fullContext("", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
