package dev.claudeproxy.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A command knows the conversation it continues: named by the client, else from openclaw's metadata. */
class CreateMessageCommandTest {

    private static final String META = "Conversation info\n```json\n{\"conversation_label\": \"from-meta\"}\n```\nHi";

    @Test
    void theMetadataGivesTheConversation_whenTheClientNamesNone() {
        CreateMessageCommand command = Requests.conversation(List.of(Message.user(META)));

        assertThat(command.conversationId()).contains("from-meta");
        assertThat(command.withConversation(Optional.empty(), Optional.empty())).isSameAs(command);
    }

    @Test
    void aNamedConversation_winsOverTheMetadata_theConversationHeaderOverTheSessionHeader() {
        CreateMessageCommand command = Requests.conversation(List.of(Message.user(META)));

        assertThat(command.withConversation(Optional.empty(), Optional.of("s")).conversationId()).contains("s");
        assertThat(command.withConversation(Optional.of("c"), Optional.of("s")).conversationId()).contains("c");
    }

    @Test
    void anOverlongConversationId_isABadRequest() {
        CreateMessageCommand command = Requests.ask("Hi");

        assertThatThrownBy(() -> command.withConversation(Optional.of("x".repeat(513)), Optional.empty()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("conversation id: must be at most 512 characters");
    }
}
