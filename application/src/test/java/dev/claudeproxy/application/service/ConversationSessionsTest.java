package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.in.SessionCleanup;
import dev.claudeproxy.application.port.in.SessionStats;
import dev.claudeproxy.application.testing.MapSessionRepository;
import dev.claudeproxy.application.testing.MutableClock;
import dev.claudeproxy.application.testing.RecordingTranscripts;
import dev.claudeproxy.domain.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing, cleaning up and deleting sessions takes the CLI's transcripts along; the count stays bounded. */
class ConversationSessionsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(1);

    private final MapSessionRepository repository = new MapSessionRepository();
    private final RecordingTranscripts transcripts = new RecordingTranscripts();
    private final MutableClock clock = new MutableClock(T0);
    private final ConversationSessions sessions = new ConversationSessions(repository, transcripts, clock, TTL, 2);

    @Test
    void theOldestSessionsBeyondTheMaximum_areEvicted_withTheirTranscripts() {
        start("a", "cli-a");
        clock.advance(Duration.ofSeconds(1));
        start("b", "cli-b");
        clock.advance(Duration.ofSeconds(1));
        start("c", "cli-c");

        assertThat(repository.list()).extracting(Session::conversationId).containsExactly("c", "b");
        assertThat(transcripts.deleted()).containsExactly("cli-a");
    }

    @Test
    void cleanup_removesExpiredSessions_andReportsWhatItDid() {
        start("old", "cli-old");
        clock.advance(TTL.plusMinutes(1));
        start("new", "cli-new");

        SessionCleanup report = sessions.cleanup();

        assertThat(report).isEqualTo(new SessionCleanup(1, 0, 1));
        assertThat(transcripts.deleted()).containsExactly("cli-old");
        assertThat(repository.list()).extracting(Session::conversationId).containsExactly("new");
    }

    @Test
    void overview_countsActiveSessions_resumesFailuresAndHits() {
        start("a", "cli-a");
        repository.save(repository.find("a").orElseThrow().resumed(3, T0).restartedAfterFailure("cli-a2", "m", 5, T0));
        clock.advance(TTL.plusMinutes(1));
        start("b", "cli-b");
        sessions.resumable("b", "m", 3);
        sessions.resumable("b", "other-model", 3);
        sessions.resumable("b", "m", 1);

        SessionStats stats = sessions.overview().stats();

        assertThat(stats).isEqualTo(new SessionStats(2, 1, 1, 1, 2, 1));
        assertThat(stats.hitRate()).isEqualTo(0.5);
        assertThat(new SessionStats(0, 0, 0, 0, 0, 0).hitRate()).isZero();
    }

    @Test
    void delete_forgetsTheSessionAndItsTranscript_once() {
        start("a", "cli-a");

        assertThat(sessions.delete("a")).isTrue();
        assertThat(sessions.delete("a")).isFalse();
        assertThat(transcripts.deleted()).containsExactly("cli-a");
    }

    private void start(String conversation, String cli) {
        sessions.started(conversation, cli, "m", 1, Optional.empty());
    }
}
