package dev.claudeproxy.adapters.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI keeps a transcript only when asked, resumes from it, and cannot once we deleted it. */
class RealCliSessionsTest {

    @TempDir
    Path dir;

    private RealCliWorld world;
    private CliClaudeRunner runner;

    @BeforeEach
    void start() {
        world = new RealCliWorld(dir);
        runner = (CliClaudeRunner) world.runner();
    }

    @AfterEach
    void stop() throws InterruptedException {
        world.close();
        Turns.awaitNoChildren(Turns.EVENT_TIMEOUT);
    }

    @Test
    void aTurnWithoutPersistence_leavesNoTranscript() throws Exception {
        world.nextReplyText("Hi");

        Turns.runToEnd(runner, turn("Hello", Optional.empty(), false));

        assertThat(transcripts()).isEmpty();
    }

    @Test
    void aPersistedSession_isResumedWithItsHistory_untilItsTranscriptIsDeleted() throws Exception {
        world.nextReplyText("Hello Ada.");
        List<TurnEvent> first = Turns.runToEnd(runner, turn("My name is Ada.", Optional.empty(), true));
        String session = ((TurnEvent.SessionStarted) first.getFirst()).sessionId();
        assertThat(transcripts()).extracting(p -> p.getFileName().toString()).containsExactly(session + ".jsonl");

        world.nextReplyText("Ada.");
        List<TurnEvent> second = Turns.runToEnd(runner, turn("What is my name?", Optional.of(session), true));

        assertThat(second.getLast()).isInstanceOf(TurnEvent.Completed.class);
        String sent = world.upstream().requests().getLast().body().path("messages").toString();
        assertThat(sent).contains("My name is Ada.").contains("Hello Ada.").contains("What is my name?");

        runner.transcripts().delete(session);
        assertThat(transcripts()).isEmpty();
        TurnEvent third = Turns.runToEnd(runner, turn("Again?", Optional.of(session), true)).getLast();
        assertThat(third).isInstanceOfSatisfying(TurnEvent.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.RESUME_NOT_FOUND));
    }

    @Test
    void aResumedSession_keepsTheSystemPromptItStartedWith_whateverTheResumingTurnSends() throws Exception {
        List<TurnEvent> first = Turns.runToEnd(runner, Turns.persisted("One", Optional.empty())); // "You are terse."
        String session = ((TurnEvent.SessionStarted) first.getFirst()).sessionId();

        Turns.runToEnd(runner, new TurnRequest(ModelTier.SONNET, Optional.of("You are verbose."),
                List.of(new ContentBlock.Text("Two")), Optional.empty(), Optional.of(session), true, true));

        // the CLI ignores the initialize request's system prompt when it resumes: a changed prompt needs a new session
        assertThat(world.lastSeen().systemPrompt()).contains("You are terse.").doesNotContain("You are verbose.");
        assertThat(world.lastSeen().userContentJson()).contains("Two");
    }

    private static TurnRequest turn(String text, Optional<String> resume, boolean persist) {
        return new TurnRequest(ModelTier.HAIKU, Optional.empty(), List.of(new ContentBlock.Text(text)),
                Optional.empty(), resume, false, persist);
    }

    private List<Path> transcripts() throws IOException {
        Path projects = dir.resolve("home/.claude/projects");
        if (!Files.isDirectory(projects)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(projects)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
    }
}
