package dev.claudeproxy.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conversation id comes from the headers, else from openclaw's metadata block (SPEC §9). */
class ConversationIdsTest {

    private static final String META = "Conversation info (untrusted metadata):\n```json\n"
            + "{\"conversation_label\": \"Group chat #42\", \"sender_id\": \"u7\"}\n```\nHello!";

    @Test
    void theConversationHeader_winsOverTheSessionHeaderAndTheMetadata() {
        assertThat(ConversationIds.resolve(Optional.of("c1"), Optional.of("s1"), List.of(Message.user(META))))
                .contains("c1");
        assertThat(ConversationIds.resolve(Optional.of("  "), Optional.of("s1"), List.of(Message.user(META))))
                .contains("s1");
    }

    @Test
    void withoutHeaders_theLabelOfTheLatestUserMessageWithMetadata_isUsed() {
        List<Message> messages = List.of(Message.user(META), Message.assistant("Hi"), Message.user("plain"));

        assertThat(ConversationIds.resolve(Optional.empty(), Optional.empty(), messages)).contains("Group chat #42");
    }

    @Test
    void withoutALabel_theSenderIsUsed() {
        String meta = "Conversation info:\n```json\n{\"sender_id\": 12345}\n```";

        assertThat(ConversationIds.fromMetadata(List.of(Message.user(meta)))).contains("dm:12345");
    }

    @Test
    void brokenJson_stillGivesTheLabelIfItIsReadable() {
        String meta = "Conversation info\n```json\n{\"conversation_label\": \"team\", oops}\n```";

        assertThat(ConversationIds.fromMetadata(List.of(Message.user(meta)))).contains("team");
    }

    @Test
    void metadataInAssistantMessages_orWithoutTheFence_isIgnored() {
        assertThat(ConversationIds.fromMetadata(List.of(new Message(Role.ASSISTANT, List.of(new ContentBlock.Text(META))))))
                .isEmpty();
        assertThat(ConversationIds.fromMetadata(List.of(Message.user("Conversation info {\"conversation_label\":\"x\"}"))))
                .isEmpty();
        assertThat(ConversationIds.resolve(Optional.empty(), Optional.empty(), List.of(Message.user("hi")))).isEmpty();
    }

    @Test
    void textBlocksAreJoined_soMetadataInASecondBlockIsFound() {
        Message m = new Message(Role.USER, List.of(new ContentBlock.Text("first"), new ContentBlock.Text(META)));

        assertThat(ConversationIds.fromMetadata(List.of(m))).contains("Group chat #42");
    }
}
