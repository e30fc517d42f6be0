package dev.claudeproxy.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session's life: started, resumed, restarted after a failed resume, idle. */
class SessionTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofMinutes(3));

    @Test
    void aResume_bumpsTheCountAndTheLastUse() {
        Session s = Session.started("c", "cli", "m", 1, T0).resumed(3, T1);

        assertThat(s).isEqualTo(new Session("c", "cli", "m", 3, T0, T1, 1, 0));
    }

    @Test
    void aRestartAfterAFailure_keepsTheHistoryAndCountsTheFailure() {
        Session s = Session.started("c", "cli", "m", 1, T0).resumed(3, T0).restartedAfterFailure("cli2", "m2", 5, T1);

        assertThat(s).isEqualTo(new Session("c", "cli2", "m2", 5, T0, T1, 1, 1));
    }

    @Test
    void idleness_isMeasuredFromTheLastUse() {
        Session s = Session.started("c", "cli", "m", 1, T0);

        assertThat(s.idleSince(T1)).isTrue();
        assertThat(s.idleSince(T0)).isFalse();
    }

    @Test
    void invalidSessions_areRefused() {
        assertThatThrownBy(() -> Session.started(" ", "cli", "m", 1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Session.started("x".repeat(513), "cli", "m", 1, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Session("c", "cli", "m", -1, T0, T0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
