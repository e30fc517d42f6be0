package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Decodes stdout the real CLI printed (shared/cli-protocol transcripts) into turn events. */
class StreamJsonDecoderTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPlainAnswer_withPartialMessages_becomesSessionMessageBlockDeltasAndCompleted() throws IOException {
        List<TurnEvent> events = decode("a_plain", true);

        assertThat(events.getFirst()).isEqualTo(new TurnEvent.SessionStarted(
                "eb7bb669-94ec-45d2-8ca9-003549eb2cb4", "claude-sonnet-5-5"));
        assertThat(events.get(1)).isEqualTo(new TurnEvent.MessageStarted(new Usage(17, 1, 0, 0)));
        assertThat(events.get(2)).isEqualTo(TurnEvent.BlockStarted.of(0, BlockKind.TEXT));
        assertThat(text(events)).isEqualTo("Hello from fake upstream (request #1, saw 2 messages)");
        assertThat(events).contains(new TurnEvent.BlockStopped(0));
        assertThat(events.getLast()).isEqualTo(new TurnEvent.Completed(
                "Hello from fake upstream (request #1, saw 2 messages)", StopReason.END_TURN, new Usage(17, 9, 0, 0)));
    }

    @Test
    void aPlainAnswer_withoutPartialMessages_givesTheSameTextFromTheAssistantLine() throws IOException {
        List<TurnEvent> events = decode("a_plain", false);

        assertThat(text(events)).isEqualTo("Hello from fake upstream (request #1, saw 2 messages)");
        assertThat(events.stream().filter(TurnEvent.TextDelta.class::isInstance)).hasSize(1);
        assertThat(events.getLast()).isInstanceOf(TurnEvent.Completed.class);
    }

    @Test
    void anOverloadedUpstream_endsAsOverloadedWithStatus529() throws IOException {
        TurnEvent last = decode("e_529_retries1", true).getLast();

        assertThat(last).isInstanceOfSatisfying(TurnEvent.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UPSTREAM_OVERLOADED);
            assertThat(f.upstreamStatus()).isEqualTo(OptionalInt.of(529));
            assertThat(f.message()).startsWith("API Error: 529 Overloaded");
        });
    }

    @Test
    void aRejectedKey_endsAsUpstreamAuth() throws IOException {
        assertThat(decode("e_401_retries1", true).getLast()).isInstanceOfSatisfying(TurnEvent.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.UPSTREAM_AUTH));
    }

    @Test
    void aRefusedConnection_endsAsUpstreamErrorWithoutStatus() throws IOException {
        assertThat(decode("e_conn_refused_retries1", true).getLast()).isInstanceOfSatisfying(TurnEvent.Failed.class,
                f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
                    assertThat(f.upstreamStatus()).isEmpty();
                    assertThat(f.message()).contains("ECONNREFUSED");
                });
    }

    @Test
    void anUnknownOrMalformedResumeId_endsAsResumeNotFound() throws IOException {
        for (String transcript : List.of("g_resume_missing_uuid", "g_resume_not_a_uuid")) {
            List<TurnEvent> events = decode(transcript, true);
            assertThat(events).hasSize(1);
            assertThat(events.getFirst()).isInstanceOfSatisfying(TurnEvent.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FailureKind.RESUME_NOT_FOUND));
        }
    }

    @Test
    void thinking_becomesAThinkingBlockWithItsSignature_thenText() throws IOException {
        List<TurnEvent> events = decode("h2_thinking_adaptive", true);

        assertThat(events).contains(TurnEvent.BlockStarted.of(0, BlockKind.THINKING),
                new TurnEvent.ThinkingDelta(0, "Let me think "), new TurnEvent.SignatureDelta(0, "ZmFrZXNpZw=="),
                TurnEvent.BlockStarted.of(1, BlockKind.TEXT));
        assertThat(text(events)).isEqualTo("Hello from fake upstream (request #1, saw 2 messages)");
    }

    @Test
    void aToolTurnOverTheTurnLimit_endsAsCliErrorAfterItsToolUseBlock() throws IOException {
        List<TurnEvent> events = decode("l2_max_turns_exceeded", true);

        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TurnEvent.BlockStarted.class,
                b -> assertThat(b.toolName()).isEqualTo("Read")));
        assertThat(events.getLast()).isInstanceOfSatisfying(TurnEvent.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CLI_ERROR);
            assertThat(f.message()).contains("maximum number of turns");
        });
    }

    @Test
    void linesThatAreNotJsonOrCarryNothing_areIgnored() {
        StreamJsonDecoder decoder = new StreamJsonDecoder(mapper, true);

        assertThat(decoder.decode("not json")).isEmpty();
        assertThat(decoder.decode("[1,2]")).isEmpty();
        assertThat(decoder.decode("{\"type\":\"control_response\",\"response\":{}}")).isEmpty();
        assertThat(decoder.decode("{\"type\":\"system\",\"subtype\":\"status\"}")).isEmpty();
    }

    private List<TurnEvent> decode(String transcript, boolean partial) throws IOException {
        StreamJsonDecoder decoder = new StreamJsonDecoder(mapper, partial);
        List<TurnEvent> events = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/transcripts/" + transcript + ".jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                for (TurnEvent e : decoder.decode(line)) {
                    events.add(e);
                    if (e.isTerminal()) {
                        return events;
                    }
                }
            }
        }
        return events;
    }

    private static String text(List<TurnEvent> events) {
        return events.stream().filter(TurnEvent.TextDelta.class::isInstance)
                .map(e -> ((TurnEvent.TextDelta) e).text()).collect(Collectors.joining());
    }
}
