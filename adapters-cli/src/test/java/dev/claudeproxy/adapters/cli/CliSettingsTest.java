package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings made without live conversations have them off; each {@code with} changes only its own part. */
class CliSettingsTest {

    private static final WarmSettings WARM = new WarmSettings(1, 2, Duration.ofMinutes(1), 0);
    private static final LiveSettings LIVE = new LiveSettings(3, Duration.ofMinutes(2));

    @Test
    void theShorterConstructors_meanLiveConversationsOff() {
        CliSettings five = new CliSettings(Optional.empty(), Path.of("w"), Map.of(), 1, Duration.ofSeconds(1));
        CliSettings six = new CliSettings(Optional.empty(), Path.of("w"), Map.of(), 1, Duration.ofSeconds(1), WARM);

        assertThat(five.live()).isEqualTo(LiveSettings.off());
        assertThat(six.live()).isEqualTo(LiveSettings.off());
        assertThat(six.warm()).isEqualTo(WARM);
        assertThat(LiveSettings.off().enabled()).isFalse();
    }

    @Test
    void withLive_andWithWarm_keepTheOtherPart() {
        CliSettings base = new CliSettings(Optional.empty(), Path.of("w"), Map.of(), 1, Duration.ofSeconds(1));

        CliSettings both = base.withLive(LIVE).withWarm(WARM);

        assertThat(both.live()).isEqualTo(LIVE);
        assertThat(both.warm()).isEqualTo(WARM);
        assertThat(both.live().enabled()).isTrue();
    }

    @Test
    void liveSettings_rejectANegativeCountAndANonPositiveLifetime() {
        assertThatThrownBy(() -> new LiveSettings(-1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiveSettings(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
