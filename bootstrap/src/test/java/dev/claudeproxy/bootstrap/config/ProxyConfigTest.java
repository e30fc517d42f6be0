package dev.claudeproxy.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyConfigTest {

    private static ProxyConfig withPort(int port) {
        return withKeyAndPort(Optional.empty(), port);
    }

    private static ProxyConfig withKeyAndPort(Optional<String> apiKey, int port) {
        return new ProxyConfig("127.0.0.1", port, 5, Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), 500_000, apiKey, "claude", Path.of("w"), 2, Duration.ofSeconds(3),
                Duration.ofSeconds(15), Path.of("logs"), "INFO", false, 1024, Duration.ofSeconds(30),
                SessionConfig.defaults(), TraceConfig.defaults(),
                WarmConfig.defaults());
    }

    @Test
    void givenAnApiKey_toString_masksIt() {
        ProxyConfig config = withKeyAndPort(Optional.of("sk-secret-123"), 3456);

        assertThat(config.toString()).doesNotContain("sk-secret-123").contains("apiKey=***");
        assertThat(config.authRequired()).isTrue();
    }

    @Test
    void givenABlankApiKey_construction_treatsItAsUnset() {
        ProxyConfig config = withKeyAndPort(Optional.of("  "), 3456);

        assertThat(config.apiKey()).isEmpty();
        assertThat(config.authRequired()).isFalse();
        assertThat(config.toString()).contains("apiKey=(unset)");
    }

    @Test
    void givenAnUpperCaseLogLevel_construction_normalisesIt() {
        assertThat(withPort(0).logLevel()).isEqualTo("info");
    }

    @Test
    void givenAPortOutOfRange_construction_throwsNamingThePort() {
        assertThatThrownBy(() -> withPort(65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535: 65536");
        assertThatThrownBy(() -> withPort(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAZeroTimeout_construction_throws() {
        assertThatThrownBy(() -> new ProxyConfig("h", 1, 5, Duration.ZERO, Duration.ofMinutes(2),
                Duration.ofMinutes(10), 1, Optional.empty(), "claude", Path.of("w"), 2, Duration.ZERO,
                Duration.ofSeconds(15), Path.of("logs"), "info", false, 1, Duration.ofSeconds(30),
                SessionConfig.defaults(), TraceConfig.defaults(),
                WarmConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("queueTimeout must be positive");
    }

    @Test
    void theDatabasePassword_isMasked_andADbUrlMustBeJdbc() {
        SessionConfig sessions = new SessionConfig(Path.of("d"), Optional.of(" "), "sa", "db-secret-9",
                Duration.ofHours(1), 5, Duration.ofMinutes(1));

        assertThat(sessions.dbUrl()).isEmpty();
        assertThat(sessions.toString()).doesNotContain("db-secret-9").contains("dbPassword=***");
        assertThatThrownBy(() -> new SessionConfig(Path.of("d"), Optional.of("h2:mem"), "sa", "",
                Duration.ofHours(1), 5, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("H2 JDBC URL");
    }
}
