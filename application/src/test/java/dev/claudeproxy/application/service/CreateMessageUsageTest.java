package dev.claudeproxy.application.service;

import static dev.claudeproxy.application.service.CreateMessageReplyTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.testing.RecordingSink;
import dev.claudeproxy.application.testing.Requests;
import dev.claudeproxy.application.testing.ScriptedClaudeRunner;
import dev.claudeproxy.application.testing.Turns;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import org.junit.jupiter.api.Test;

/** Token usage: the CLI's real numbers, estimated only when it reports none. */
class CreateMessageUsageTest {

    /** 40 characters: ten estimated tokens. */
    private static final String QUESTION = "q".repeat(40);

    private final ScriptedClaudeRunner runner = new ScriptedClaudeRunner();

    @Test
    void theFinalUsage_isTheOneOfTheCompletedEvent_withCacheCounts() {
        Usage real = new Usage(3, 57, 1200, 15000);
        runner.willPlay(Turns.text(real, "Hello"));

        assertThat(service(runner).create(Requests.ask(QUESTION)).usage()).isEqualTo(real);
    }

    @Test
    void aCompletedEventWithAllZeroUsage_isEstimatedFromPromptAndOutput() {
        runner.willPlay(Turns.text(Usage.ZERO, "a".repeat(10), "b".repeat(10)));

        assertThat(service(runner).create(Requests.ask(QUESTION)).usage()).isEqualTo(Usage.of(10, 5));
    }

    @Test
    void anEstimateForEmptyOutput_countsTheEllipsis() {
        runner.willPlay(new TurnEvent.Completed("", StopReason.END_TURN, Usage.ZERO));

        assertThat(service(runner).create(Requests.ask(QUESTION)).usage()).isEqualTo(Usage.of(10, 1));
    }

    @Test
    void aPartlyZeroUsage_isStillTheRealOne() {
        Usage onlyCacheReads = new Usage(0, 0, 0, 4096);
        runner.willPlay(Turns.text(onlyCacheReads, "Hi"));

        assertThat(service(runner).create(Requests.ask(QUESTION)).usage()).isEqualTo(onlyCacheReads);
    }

    @Test
    void theStartedEvent_carriesTheUsageOfTheUpstreamMessageStart() {
        Usage messageStart = new Usage(42, 1, 7, 100);
        runner.willPlay(new TurnEvent.MessageStarted(messageStart),
                new TurnEvent.Completed("ok", StopReason.END_TURN, Usage.of(42, 3)));
        RecordingSink sink = new RecordingSink();

        service(runner).stream(Requests.ask(QUESTION), sink);

        assertThat(sink.events().getFirst()).isInstanceOfSatisfying(ReplyEvent.Started.class,
                s -> assertThat(s.usage()).isEqualTo(messageStart));
        assertThat(sink.events().getLast()).isEqualTo(new ReplyEvent.Finished(StopReason.END_TURN, Usage.of(42, 3)));
    }

    @Test
    void aReplyStartedWithoutAnyUpstreamUsage_startsWithTheEstimatedInput() {
        runner.willPlay(new TurnEvent.Completed("ok", StopReason.END_TURN, Usage.of(11, 2)));
        RecordingSink sink = new RecordingSink();

        service(runner).stream(Requests.ask(QUESTION), sink);

        assertThat(sink.events().getFirst()).isInstanceOfSatisfying(ReplyEvent.Started.class,
                s -> assertThat(s.usage()).isEqualTo(Usage.of(10, 1)));
    }
}
