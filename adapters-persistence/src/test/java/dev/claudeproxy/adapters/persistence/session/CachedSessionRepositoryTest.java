package dev.claudeproxy.adapters.persistence.session;

import static dev.claudeproxy.adapters.persistence.session.Sessions.T0;
import static dev.claudeproxy.adapters.persistence.session.Sessions.session;
import static dev.claudeproxy.adapters.persistence.session.Sessions.usedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.session.Session;
import org.junit.jupiter.api.Test;

/** The cache in front of a repository that counts how often it is asked. */
class CachedSessionRepositoryTest {

    private final CountingSessionRepository delegate = new CountingSessionRepository();
    private final CachedSessionRepository cached = new CachedSessionRepository(delegate, 100);

    @Test
    void aFindAfterASave_isAnsweredByTheCache() {
        cached.save(session("conv"));

        assertThat(cached.find("conv")).contains(session("conv"));
        assertThat(delegate.finds).hasValue(0);
    }

    @Test
    void aSessionSavedElsewhere_isLoadedOnce_thenAnsweredByTheCache() {
        delegate.save(session("conv"));

        assertThat(cached.find("conv")).contains(session("conv"));
        assertThat(cached.find("conv")).contains(session("conv"));

        assertThat(delegate.finds).hasValue(1);
    }

    @Test
    void anUnknownConversation_isAskedForEveryTime_soALaterSaveElsewhereIsSeen() {
        assertThat(cached.find("conv")).isEmpty();
        delegate.save(session("conv"));

        assertThat(cached.find("conv")).contains(session("conv"));
        assertThat(delegate.finds).hasValue(2);
    }

    @Test
    void aSaveReplacingASession_isWhatTheNextFindReturns() {
        cached.save(session("conv"));
        Session resumed = session("conv").resumed(5, T0.plusSeconds(1));

        cached.save(resumed);

        assertThat(cached.find("conv")).contains(resumed);
        assertThat(delegate.find("conv")).contains(resumed);
    }

    @Test
    void delete_removesTheSessionFromTheCacheAndTheDelegate() {
        cached.save(session("conv"));

        assertThat(cached.delete("conv")).contains(session("conv"));

        assertThat(cached.find("conv")).isEmpty();
        assertThat(delegate.finds).as("the find after the delete asked the delegate").hasValue(1);
        assertThat(delegate.list()).isEmpty();
    }

    @Test
    void removeIdleSince_forgetsTheRemovedSessions_andKeepsTheOthersCached() {
        cached.save(usedAt("idle", 0));
        cached.save(usedAt("active", 10));

        assertThat(cached.removeIdleSince(T0.plusSeconds(5))).containsExactly(usedAt("idle", 0));

        assertThat(cached.find("idle")).isEmpty();
        assertThat(cached.find("active")).contains(usedAt("active", 10));
        assertThat(delegate.finds).as("only the removed one was asked for").hasValue(1);
    }

    @Test
    void removeAllButNewest_forgetsTheRemovedSessions_andKeepsTheOthersCached() {
        cached.save(usedAt("old", 0));
        cached.save(usedAt("new", 10));

        assertThat(cached.removeAllButNewest(1)).containsExactly(usedAt("old", 0));

        assertThat(cached.find("old")).isEmpty();
        assertThat(cached.find("new")).contains(usedAt("new", 10));
        assertThat(delegate.finds).hasValue(1);
    }

    @Test
    void list_alwaysAsksTheDelegate() {
        cached.save(session("conv"));

        assertThat(cached.list()).containsExactly(session("conv"));
        assertThat(cached.list()).containsExactly(session("conv"));

        assertThat(delegate.lists).hasValue(2);
    }

    @Test
    void aFailedSave_leavesTheCacheAsTheDelegateIs() {
        cached.save(session("conv"));
        delegate.failSaves = true;

        assertThatThrownBy(() -> cached.save(session("conv").resumed(5, T0.plusSeconds(1))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cached.save(session("other"))).isInstanceOf(IllegalStateException.class);

        assertThat(cached.find("conv")).contains(session("conv"));
        assertThat(cached.find("other")).isEmpty();
    }

    @Test
    void aNegativeSize_isRefused() {
        assertThatThrownBy(() -> new CachedSessionRepository(delegate, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
