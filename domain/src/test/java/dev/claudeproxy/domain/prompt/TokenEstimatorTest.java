package dev.claudeproxy.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

    private static final List<Message> HELLO = List.of(Message.user("Hello"));

    @Test
    void text_countsFourCharactersAToken_roundedUp() {
        assertThat(TokenEstimator.ofText(null)).isZero();
        assertThat(TokenEstimator.ofText("")).isZero();
        assertThat(TokenEstimator.ofText("abcd")).isEqualTo(1);
        assertThat(TokenEstimator.ofText("abcde")).isEqualTo(2);
        assertThat(TokenEstimator.ofChars(4000)).isEqualTo(1000);
    }

    @Test
    void theSystemPrompt_counts() {
        int without = TokenEstimator.ofRequest("", HELLO, List.of());
        int with = TokenEstimator.ofRequest("s".repeat(400), HELLO, List.of());

        assertThat(with - without).isBetween(100, 101);
    }

    @Test
    void everyMessage_counts() {
        int one = TokenEstimator.ofRequest("", HELLO, List.of());
        int three = TokenEstimator.ofRequest("", List.of(Message.user("p".repeat(400)), Message.assistant("q".repeat(400)),
                Message.user("Hello")), List.of());

        assertThat(three - one).isGreaterThanOrEqualTo(200);
    }

    @Test
    void tools_count() {
        ToolDefinition tool = new ToolDefinition("get_weather", "d".repeat(400),
                JsonParser.parse("{\"type\":\"object\"}"));

        int without = TokenEstimator.ofRequest("", HELLO, List.of());
        int with = TokenEstimator.ofRequest("", HELLO, List.of(tool));

        assertThat(with - without).isGreaterThanOrEqualTo(100);
        assertThat(with).isEqualTo(TokenEstimator.ofText(
                PromptRenderer.fullContext("", HELLO, List.of(tool)).systemPrompt().orElseThrow())
                + TokenEstimator.ofText("Hello"));
    }

    @Test
    void anImage_costsAFixedEstimate_notItsBase64Length() {
        int small = TokenEstimator.ofRequest("", List.of(lookAt(base64("A".repeat(100)))), List.of());
        int huge = TokenEstimator.ofRequest("", List.of(lookAt(base64("A".repeat(1_000_000)))), List.of());
        int byUrl = TokenEstimator.ofRequest("", List.of(lookAt(new ImageSource.Url("https://x.test/a.png"))),
                List.of());
        int textOnly = TokenEstimator.ofRequest("", List.of(Message.user("Look")), List.of());

        assertThat(huge).isEqualTo(small).isEqualTo(byUrl);
        assertThat(small - textOnly).isBetween(TokenEstimator.IMAGE_TOKENS, TokenEstimator.IMAGE_TOKENS + 6);
        assertThat(TokenEstimator.IMAGE_TOKENS).isEqualTo(1600);
    }

    @Test
    void imagesInPriorMessages_countTheSameFixedEstimate() {
        List<Message> withPriorImage = List.of(lookAt(base64("B".repeat(50_000))), Message.assistant("A cat"),
                Message.user("Sure?"));
        List<Message> withoutImage = List.of(Message.user("Look"), Message.assistant("A cat"), Message.user("Sure?"));

        int difference = TokenEstimator.ofRequest("", withPriorImage, List.of())
                - TokenEstimator.ofRequest("", withoutImage, List.of());

        assertThat(difference).isBetween(TokenEstimator.IMAGE_TOKENS, TokenEstimator.IMAGE_TOKENS + 6);
    }

    private static ImageSource base64(String data) {
        return new ImageSource.Base64("image/png", data);
    }

    private static Message lookAt(ImageSource image) {
        return new Message(Role.USER, List.of(new ContentBlock.Text("Look"), new ContentBlock.Image(image)));
    }
}
