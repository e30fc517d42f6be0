package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import dev.claudeproxy.domain.message.ToolDefinition;
import dev.claudeproxy.domain.prompt.TokenEstimator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountTokensServiceTest {

    private final CountTokensService service = new CountTokensService();

    @Test
    void aShortQuestion_countsItsCharactersByFour() {
        assertThat(service.countTokens(Requests.ask("q".repeat(40)))).isEqualTo(10);
    }

    @Test
    void systemMessagesAndTools_allCount() {
        List<Message> one = List.of(Message.user("Hi"));
        List<Message> three = List.of(Message.user("x".repeat(400)), Message.assistant("y".repeat(400)),
                Message.user("Hi"));
        ToolDefinition tool = new ToolDefinition("search", "d".repeat(400), JsonParser.parse("{\"type\":\"object\"}"));

        int base = count("", one, List.of());

        assertThat(count("s".repeat(400), one, List.of()) - base).isGreaterThanOrEqualTo(100);
        assertThat(count("", three, List.of()) - base).isGreaterThanOrEqualTo(200);
        assertThat(count("", one, List.of(tool)) - base).isGreaterThanOrEqualTo(100);
    }

    @Test
    void anImage_countsTheFixedEstimate_whateverItsSize() {
        int small = count("", List.of(image("A".repeat(100))), List.of());
        int huge = count("", List.of(image("A".repeat(2_000_000))), List.of());

        assertThat(huge).isEqualTo(small);
        assertThat(small).isBetween(TokenEstimator.IMAGE_TOKENS, TokenEstimator.IMAGE_TOKENS + 10);
    }

    private int count(String system, List<Message> messages, List<ToolDefinition> tools) {
        return service.countTokens(Requests.full(Requests.MODEL, system, messages, tools, Optional.empty()));
    }

    private static Message image(String data) {
        return new Message(Role.USER, List.of(new ContentBlock.Text("Look"),
                new ContentBlock.Image(new ImageSource.Base64("image/png", data))));
    }
}
