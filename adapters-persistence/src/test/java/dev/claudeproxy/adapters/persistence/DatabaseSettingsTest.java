package dev.claudeproxy.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The database settings and the default embedded file URL. */
class DatabaseSettingsTest {

    @Test
    void embeddedIn_aRelativeDirectory_givesAnAbsoluteFileUrlWithAutoServerAndNoWriteDelay() {
        Path directory = Path.of("data", "..", "sessions");

        DatabaseSettings settings = DatabaseSettings.embeddedIn(directory);

        Path file = Path.of("sessions").toAbsolutePath().resolve("claude-proxy");
        assertThat(settings.url()).isEqualTo("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(settings.user()).isEqualTo("sa");
        assertThat(settings.password()).isEmpty();
    }

    @Test
    void embeddedIn_aDirectoryWithASemicolon_isRefused() {
        assertThatThrownBy(() -> DatabaseSettings.embeddedIn(Path.of("a;b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(";");
    }

    @Test
    void aUrlOfAnotherDatabase_isRefused() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://localhost/db", "sa", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankUser_isRefused() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", " ", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_hidesThePassword() {
        assertThat(new DatabaseSettings("jdbc:h2:mem:x", "sa", "secret").toString())
                .contains("jdbc:h2:mem:x", "sa").doesNotContain("secret");
    }

    @Test
    void onlyAFileOrMemoryDatabase_isEmbedded_soCloseNeverShutsDownASharedServer() {
        assertThat(DatabaseSettings.embeddedIn(Path.of("d")).embedded()).isTrue();
        assertThat(new DatabaseSettings("jdbc:h2:mem:x", "sa", "").embedded()).isTrue();
        assertThat(new DatabaseSettings("jdbc:h2:tcp://127.0.0.1/~/db", "sa", "").embedded()).isFalse();
        assertThat(new DatabaseSettings("jdbc:h2:ssl://127.0.0.1/~/db", "sa", "").embedded()).isFalse();
    }
}
