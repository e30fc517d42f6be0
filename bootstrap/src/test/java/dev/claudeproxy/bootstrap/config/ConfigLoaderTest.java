package dev.claudeproxy.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ConfigLoaderTest {

    private static final String[] NO_ARGS = {};

    @TempDir
    Path tmp;

    private Path yaml(String body) throws IOException {
        return Files.writeString(tmp.resolve("extra.yaml"), body);
    }

    @Test
    void givenNoSources_load_returnsTheDocumentedDefaults() {
        ProxyConfig config = ConfigLoader.load(NO_ARGS, Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(3456);
        assertThat(config.maxConcurrent()).isEqualTo(5);
        assertThat(config.queueTimeout()).isEqualTo(Duration.ofMillis(30_000));
        assertThat(config.stallTimeout()).isEqualTo(Duration.ofMillis(120_000));
        assertThat(config.maxDuration()).isEqualTo(Duration.ofMillis(600_000));
        assertThat(config.maxOutputChars()).isEqualTo(500_000);
        assertThat(config.apiKey()).isEmpty();
        assertThat(config.claudePath()).isEqualTo("claude");
        assertThat(config.cliWorkDir()).isEqualTo(Path.of("./data/workspace"));
        assertThat(config.cliMaxRetries()).isEqualTo(2);
        assertThat(config.streamCommitGrace()).isEqualTo(Duration.ofMillis(3_000));
        assertThat(config.pingInterval()).isEqualTo(Duration.ofMillis(15_000));
        assertThat(config.logDir()).isEqualTo(Path.of("./logs"));
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.debug()).isFalse();
        assertThat(config.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(config).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void bundledYaml_listsEverySettingWithItsBuiltInDefault() throws IOException {
        String bundled;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.yaml")) {
            assertThat(in).isNotNull();
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Setting setting : Setting.values()) {
            String line = setting.defaultValue().isEmpty()
                    ? "# " + setting.yamlKey() + ": \"\"" : "  " + setting.yamlKey() + ": " + setting.defaultValue();
            assertThat(bundled).contains(line).contains(setting.envVar());
        }
    }

    @Test
    void givenYamlEnvAndFlags_load_layersYamlBelowEnvBelowFlags() throws IOException {
        Path file = yaml("""
                proxy:
                  port: 1111
                  host: 0.0.0.0
                  max-concurrent: 9
                  api-key: from-yaml
                """);
        Map<String, String> env = Map.of("CLAUDE_PROXY_PORT", "2222", "CLAUDE_PROXY_MAX_CONCURRENT", "7");

        ProxyConfig yamlOnly = ConfigLoader.load(new String[] {"--config=" + file}, Map.of());
        ProxyConfig yamlAndEnv = ConfigLoader.load(new String[] {"--config", file.toString()}, env);
        ProxyConfig all = ConfigLoader.load(new String[] {"--config=" + file, "--port", "3333"}, env);

        assertThat(yamlOnly.port()).isEqualTo(1111);
        assertThat(yamlOnly.maxConcurrent()).isEqualTo(9);
        assertThat(yamlOnly.apiKey()).contains("from-yaml");
        assertThat(yamlAndEnv.port()).isEqualTo(2222);
        assertThat(yamlAndEnv.maxConcurrent()).isEqualTo(7);
        assertThat(yamlAndEnv.host()).isEqualTo("0.0.0.0");
        assertThat(all.port()).isEqualTo(3333);
        assertThat(all.maxConcurrent()).isEqualTo(7);
        assertThat(all.stallTimeout()).isEqualTo(Duration.ofMillis(120_000));
    }

    @Test
    void givenTheConfigEnvVar_load_readsThatFileUnlessTheFlagNamesAnother() throws IOException {
        Path fromEnv = yaml("proxy:\n  port: 4444\n");
        Path fromFlag = Files.writeString(tmp.resolve("flag.yml"), "proxy:\n  port: 5555\n");
        Map<String, String> env = Map.of(ConfigLoader.CONFIG_ENV, fromEnv.toString());

        assertThat(ConfigLoader.load(NO_ARGS, env).port()).isEqualTo(4444);
        assertThat(ConfigLoader.load(new String[] {"--config=" + fromFlag}, env).port()).isEqualTo(5555);
    }

    @Test
    void givenEveryEnvVar_load_appliesEachOne() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("CLAUDE_PROXY_HOST", "::1"), Map.entry("CLAUDE_PROXY_PORT", "0"),
                Map.entry("CLAUDE_PROXY_MAX_CONCURRENT", "2"), Map.entry("CLAUDE_PROXY_QUEUE_TIMEOUT_MS", "10"),
                Map.entry("CLAUDE_PROXY_STALL_TIMEOUT_MS", "20"), Map.entry("CLAUDE_PROXY_MAX_DURATION_MS", "30"),
                Map.entry("CLAUDE_PROXY_MAX_OUTPUT_CHARS", "40"), Map.entry("CLAUDE_PROXY_API_KEY", "k"),
                Map.entry("CLAUDE_PROXY_CLAUDE_PATH", "/opt/claude"), Map.entry("CLAUDE_PROXY_WORK_DIR", "/w"),
                Map.entry("CLAUDE_PROXY_CLI_MAX_RETRIES", "0"), Map.entry("CLAUDE_PROXY_STREAM_COMMIT_GRACE_MS", "0"),
                Map.entry("CLAUDE_PROXY_PING_INTERVAL_MS", "50"), Map.entry("CLAUDE_PROXY_LOG_DIR", "/l"),
                Map.entry("CLAUDE_PROXY_LOG_LEVEL", "DEBUG"), Map.entry("CLAUDE_PROXY_DEBUG", "1"),
                Map.entry("CLAUDE_PROXY_MAX_BODY_BYTES", "60"), Map.entry("CLAUDE_PROXY_DATA_DIR", "/d"),
                Map.entry("CLAUDE_PROXY_DB_URL", "jdbc:h2:tcp://127.0.0.1/x"), Map.entry("CLAUDE_PROXY_DB_USER", "u"),
                Map.entry("CLAUDE_PROXY_DB_PASSWORD", "p"), Map.entry("CLAUDE_PROXY_SESSION_TTL_MS", "70"),
                Map.entry("CLAUDE_PROXY_MAX_SESSIONS", "80"), Map.entry("CLAUDE_PROXY_SESSION_CLEANUP_INTERVAL_MS", "90"),
                Map.entry("CLAUDE_PROXY_SHUTDOWN_GRACE_MS", "100"), Map.entry("CLAUDE_PROXY_TRACE_RETENTION_MS", "110"),
                Map.entry("CLAUDE_PROXY_RECENT_TRACES", "120"), Map.entry("CLAUDE_PROXY_HEALTH_LOG_INTERVAL_MS", "130"),
                Map.entry("CLAUDE_PROXY_WARM_PROCESSES", "3"), Map.entry("CLAUDE_PROXY_WARM_PER_KIND", "2"),
                Map.entry("CLAUDE_PROXY_WARM_IDLE_MS", "140"), Map.entry("CLAUDE_PROXY_WARM_MAX_MEMORY_MB", "150"),
                Map.entry("CLAUDE_PROXY_LIVE_CONVERSATIONS", "4"), Map.entry("CLAUDE_PROXY_LIVE_IDLE_MS", "160"));

        ProxyConfig config = ConfigLoader.load(NO_ARGS, env);

        assertThat(config).isEqualTo(new ProxyConfig("::1", 0, 2, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(30), 40, java.util.Optional.of("k"), "/opt/claude", Path.of("/w"), 0,
                Duration.ZERO, Duration.ofMillis(50), Path.of("/l"), "debug", true, 60, Duration.ofMillis(100),
                new SessionConfig(Path.of("/d"), java.util.Optional.of("jdbc:h2:tcp://127.0.0.1/x"), "u", "p",
                        Duration.ofMillis(70), 80, Duration.ofMillis(90)),
                new TraceConfig(Duration.ofMillis(110), 120, Duration.ofMillis(130)),
                new WarmConfig(3, 2, Duration.ofMillis(140), 150, 4, Duration.ofMillis(160))));
    }

    @ParameterizedTest
    @CsvSource({"1,true", "true,true", "TRUE,true", "0,false", "false,false"})
    void givenADebugValue_load_parsesIt(String value, boolean expected) {
        assertThat(ConfigLoader.load(NO_ARGS, Map.of("CLAUDE_PROXY_DEBUG", value)).debug()).isEqualTo(expected);
    }

    @Test
    void givenABareDebugFlagAndHostFlag_load_appliesThem() {
        ProxyConfig config = ConfigLoader.load(new String[] {"--debug", "--host", "0.0.0.0", "--port=0"}, Map.of());

        assertThat(config.debug()).isTrue();
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CLAUDE_PROXY_PORT|abc|CLAUDE_PROXY_PORT: not a number: 'abc'",
        "CLAUDE_PROXY_PORT|70000|CLAUDE_PROXY_PORT: must be between 0 and 65535: 70000",
        "CLAUDE_PROXY_PORT|-1|CLAUDE_PROXY_PORT: must be between 0 and 65535: -1",
        "CLAUDE_PROXY_MAX_CONCURRENT|0|CLAUDE_PROXY_MAX_CONCURRENT: must be at least 1: 0",
        "CLAUDE_PROXY_MAX_CONCURRENT|2.5|CLAUDE_PROXY_MAX_CONCURRENT: not a number: '2.5'",
        "CLAUDE_PROXY_QUEUE_TIMEOUT_MS|0|CLAUDE_PROXY_QUEUE_TIMEOUT_MS: must be at least 1: 0",
        "CLAUDE_PROXY_QUEUE_TIMEOUT_MS|30s|CLAUDE_PROXY_QUEUE_TIMEOUT_MS: not a number: '30s'",
        "CLAUDE_PROXY_STALL_TIMEOUT_MS|x|CLAUDE_PROXY_STALL_TIMEOUT_MS: not a number: 'x'",
        "CLAUDE_PROXY_MAX_DURATION_MS|-5|CLAUDE_PROXY_MAX_DURATION_MS: must be at least 1: -5",
        "CLAUDE_PROXY_MAX_OUTPUT_CHARS|lots|CLAUDE_PROXY_MAX_OUTPUT_CHARS: not a number: 'lots'",
        "CLAUDE_PROXY_CLAUDE_PATH|' '|CLAUDE_PROXY_CLAUDE_PATH: must not be blank",
        "CLAUDE_PROXY_WORK_DIR|''|CLAUDE_PROXY_WORK_DIR: must not be blank",
        "CLAUDE_PROXY_CLI_MAX_RETRIES|-1|CLAUDE_PROXY_CLI_MAX_RETRIES: must be at least 0: -1",
        "CLAUDE_PROXY_STREAM_COMMIT_GRACE_MS|-1|CLAUDE_PROXY_STREAM_COMMIT_GRACE_MS: must be at least 0: -1",
        "CLAUDE_PROXY_PING_INTERVAL_MS|0|CLAUDE_PROXY_PING_INTERVAL_MS: must be at least 1: 0",
        "CLAUDE_PROXY_LOG_DIR|' '|CLAUDE_PROXY_LOG_DIR: must not be blank",
        "CLAUDE_PROXY_LOG_LEVEL|loud|CLAUDE_PROXY_LOG_LEVEL: not a log level (error, warn, info, debug, trace): 'loud'",
        "CLAUDE_PROXY_DEBUG|maybe|CLAUDE_PROXY_DEBUG: not a boolean (1/true/0/false): 'maybe'",
        "CLAUDE_PROXY_MAX_BODY_BYTES|10MB|CLAUDE_PROXY_MAX_BODY_BYTES: not a number: '10MB'",
        "CLAUDE_PROXY_MAX_BODY_BYTES|0|CLAUDE_PROXY_MAX_BODY_BYTES: must be at least 1: 0",
        "CLAUDE_PROXY_HOST|''|CLAUDE_PROXY_HOST: must not be blank",
    })
    void givenABadEnvValue_load_throwsNamingTheVariable(String name, String value, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(NO_ARGS, Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @EnumSource(value = Setting.class, names = {"API_KEY", "HOST", "CLAUDE_PATH", "WORK_DIR", "LOG_DIR",
            "DATA_DIR", "DB_USER", "DB_PASSWORD"},
            mode = EnumSource.Mode.EXCLUDE)
    void givenAnUnparsableValueForAnyNonTextSetting_load_throwsNamingIt(Setting setting) {
        assertThatThrownBy(() -> ConfigLoader.load(NO_ARGS, Map.of(setting.envVar(), "nonsense")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(setting.envVar() + ": not a");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--" + setting.yamlKey() + "=nonsense"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--" + setting.yamlKey() + ": not a");
    }

    @Test
    void givenABadFlagValue_load_throwsNamingTheFlag() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--port=abc"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--port: not a number: 'abc'");
    }

    @Test
    void givenABadYamlValue_load_throwsNamingTheKeyAndFile() throws IOException {
        Path file = yaml("proxy:\n  port: abc\n");

        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--config=" + file}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy.port in " + file + ": not a number: 'abc'");
    }

    @Test
    void givenAnUnknownYamlKey_load_throwsNamingIt() throws IOException {
        Path file = yaml("proxy:\n  prot: 1\n");

        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--config=" + file}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": unknown setting 'proxy.prot'");
    }

    @Test
    void givenAMissingConfigFile_load_throwsNamingTheSource() {
        String missing = tmp.resolve("missing.yaml").toString();

        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--config=" + missing}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--config: no such file: '" + missing + "'");
        assertThatThrownBy(() -> ConfigLoader.load(NO_ARGS, Map.of(ConfigLoader.CONFIG_ENV, missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CLAUDE_PROXY_CONFIG: no such file: '" + missing + "'");
    }

    @Test
    void givenMalformedYaml_load_throwsNamingTheFile() throws IOException {
        Path file = yaml("proxy: [unclosed\n");

        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--config=" + file}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": cannot read");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--prot=1|unknown option '--prot' (see --help)",
        "--verbose|unknown option '--verbose' (see --help)",
        "serve|unknown argument 'serve' (see --help)",
        "--port|--port: missing value",
    })
    void givenABadArgument_load_throws(String arg, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {arg}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void givenHelp_load_throwsHelpRequestedWithTheUsage() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--port=1", "--help"}, Map.of()))
                .isInstanceOfSatisfying(HelpRequestedException.class,
                        help -> assertThat(help.usage()).isEqualTo(ConfigLoader.usage()));
    }

    @Test
    void usage_listsEverySettingWithFlagEnvVarAndDefault() {
        String usage = ConfigLoader.usage();

        assertThat(usage).contains("--config=PATH", ConfigLoader.CONFIG_ENV);
        for (Setting setting : Setting.values()) {
            assertThat(usage).contains("--" + setting.yamlKey(), setting.envVar(), setting.description());
            if (!setting.defaultValue().isEmpty()) {
                assertThat(usage).contains(setting.defaultValue());
            }
        }
    }

    @Test
    void givenAnApiKeyFromAnySource_toString_neverShowsIt() throws IOException {
        Path file = yaml("proxy:\n  api-key: yaml-secret-1\n");

        String fromYaml = ConfigLoader.load(new String[] {"--config=" + file}, Map.of()).toString();
        String fromEnv = ConfigLoader.load(NO_ARGS, Map.of("CLAUDE_PROXY_API_KEY", "env-secret-2")).toString();
        String fromFlag = ConfigLoader.load(new String[] {"--api-key=flag-secret-3"}, Map.of()).toString();

        assertThat(fromYaml).doesNotContain("yaml-secret-1").contains("apiKey=***");
        assertThat(fromEnv).doesNotContain("env-secret-2").contains("apiKey=***");
        assertThat(fromFlag).doesNotContain("flag-secret-3").contains("apiKey=***");
    }

    @Test
    void givenABlankApiKeyEnvVar_load_overridesTheYamlKeyToUnset() throws IOException {
        Path file = yaml("proxy:\n  api-key: yaml-key\n");

        ProxyConfig config = ConfigLoader.load(new String[] {"--config=" + file}, Map.of("CLAUDE_PROXY_API_KEY", " "));

        assertThat(config.apiKey()).isEmpty();
    }
}
