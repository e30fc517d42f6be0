package dev.claudeproxy.application.service;

import static dev.claudeproxy.application.service.CreateMessageReplyTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.Role;
import dev.claudeproxy.domain.message.ThinkingConfig;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.turn.Usage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the service asks the CLI to run (SPEC §4). */
class CreateMessageTurnRequestTest {

    private static final ContentBlock.Image PNG =
            new ContentBlock.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="));

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner().willPlay(Turns.text(Usage.ZERO, "ok"));

    @ParameterizedTest
    @CsvSource({"claude-opus-4-6, OPUS", "Claude-HAIKU-4-5, HAIKU", "claude-sonnet-4-6, SONNET", "gpt-4o, SONNET"})
    void theTier_followsTheRequestedModel(String model, ModelTier tier) {
        service(runner).create(Requests.full(model, "", List.of(Message.user("Hi")), List.of(), Optional.empty()));

        assertThat(runner.lastRequest().model()).isEqualTo(tier);
    }

    @Test
    void aWholeReply_asksForNoPartialMessages_andNoSessionOnDisk() {
        service(runner).create(Requests.ask("Hi"));

        TurnRequest request = runner.lastRequest();
        assertThat(request.partialMessages()).isFalse();
        assertThat(request.persistSession()).isFalse();
        assertThat(request.resumeSessionId()).isEmpty();
    }

    @Test
    void aStream_asksForPartialMessages_andNoSessionOnDisk() {
        service(runner).stream(Requests.ask("Hi"), new RecordingSink());

        TurnRequest request = runner.lastRequest();
        assertThat(request.partialMessages()).isTrue();
        assertThat(request.persistSession()).isFalse();
        assertThat(request.resumeSessionId()).isEmpty();
    }

    @Test
    void theSystemPrompt_andTheLastMessage_reachTheTurn() {
        service(runner).create(Requests.full(Requests.MODEL, "Be brief.", List.of(Message.user("Hi")), List.of(),
                Optional.empty()));

        assertThat(runner.lastRequest().systemPrompt()).contains("Be brief.");
        assertThat(runner.lastRequest().userContent()).containsExactly(new ContentBlock.Text("Hi"));
    }

    @Test
    void priorTurnsAndTools_goIntoTheSystemPrompt() {
        ToolDefinition tool = new ToolDefinition("get_weather", "Weather now", JsonParser.parse("{\"type\":\"object\"}"));

        service(runner).create(Requests.full(Requests.MODEL, "Be brief.",
                List.of(Message.user("Hi"), Message.assistant("Hello"), Message.user("Weather?")), List.of(tool),
                Optional.empty()));

        assertThat(runner.lastRequest().systemPrompt().orElseThrow())
                .startsWith("Be brief.\n\nPrior conversation turns:\n\n[User]\nHi\n\n[Assistant]\nHello\n\n---")
                .contains("{\"name\":\"get_weather\",\"description\":\"Weather now\",\"input_schema\":{\"type\":\"object\"}}")
                .contains("<tool_use>");
        assertThat(runner.lastRequest().userContent()).containsExactly(new ContentBlock.Text("Weather?"));
    }

    @Test
    void imagesOfTheLastMessage_reachTheTurnAsNativeBlocks() {
        Message last = new Message(Role.USER, List.of(new ContentBlock.Text("What is this?"), PNG));

        service(runner).create(Requests.conversation(List.of(last)));

        assertThat(runner.lastRequest().userContent()).containsExactly(new ContentBlock.Text("What is this?"), PNG);
    }

    @Test
    void theThinkingAskedFor_isPassedOn() {
        CreateMessageCommand command = Requests.withThinking("Hi", new ThinkingConfig.Enabled(2048));

        service(runner).create(command);

        assertThat(runner.lastRequest().thinking()).contains(new ThinkingConfig.Enabled(2048));
    }

    @Test
    void noThinkingAskedFor_passesNone() {
        service(runner).create(Requests.ask("Hi"));

        assertThat(runner.lastRequest().thinking()).isEmpty();
    }
}
