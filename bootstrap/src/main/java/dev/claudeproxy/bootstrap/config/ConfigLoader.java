package dev.claudeproxy.bootstrap.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.claudeproxy.bootstrap.config.Setting.*;

/**
 * Builds the {@link ProxyConfig} from, lowest precedence first: built-in defaults, the bundled
 * {@code application.yaml}, an optional YAML file, {@code CLAUDE_PROXY_*} environment variables, flags.
 */
public final class ConfigLoader {

    /** Environment variable naming an extra YAML file (the {@code --config} flag wins over it). */
    public static final String CONFIG_ENV = ENV_PREFIX + "CONFIG";
    private static final String BUNDLED = "application.yaml";

    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @throws HelpRequestedException when the arguments ask for {@code --help}
     * @throws IllegalArgumentException naming the setting and its source when a value is bad
     */
    public static ProxyConfig load(String[] args, Map<String, String> env) {
        CommandLine commandLine = CommandLine.parse(args);
        if (commandLine.help()) {
            throw new HelpRequestedException();
        }
        Map<Setting, RawValue> raw = builtInDefaults();
        readYaml(ConfigSources.classpath(BUNDLED), "classpath:" + BUNDLED, raw);
        configFile(commandLine, env).ifPresent(file -> readYaml(ConfigSources.file(file), file.toString(), raw));
        for (Setting setting : Setting.values()) {
            String value = env.get(setting.envVar());
            if (value != null) {
                raw.put(setting, new RawValue(value, setting.envVar()));
            }
        }
        commandLine.flags().forEach((setting, value) -> raw.put(setting, new RawValue(value, "--" + setting.yamlKey())));
        return build(raw);
    }

    /** The built-in defaults alone, reading no file or environment. */
    public static ProxyConfig defaults() {
        return build(builtInDefaults());
    }

    /** The {@code --help} text: every setting with its flag, YAML key, environment variable and default. */
    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar claude-proxy.jar [--config=PATH] [--port=N] [--host=H] [--SETTING=VALUE ...] [--help]

                Each setting is read from, lowest precedence first: its built-in default, the bundled
                application.yaml, a YAML file named by --config=PATH or %s, the environment
                variable, the flag (--NAME=VALUE or --NAME VALUE; NAME is the YAML key under proxy:).

                """.formatted(CONFIG_ENV));
        text.append("  %-28s %-36s %s%n".formatted("flag / YAML key (proxy.*)", "environment variable", "default"));
        for (Setting setting : Setting.values()) {
            String shown = setting.defaultValue().isEmpty() ? "(unset)" : setting.defaultValue();
            text.append("  %-28s %-36s %s%n      %s%n".formatted(
                    "--" + setting.yamlKey(), setting.envVar(), shown, setting.description()));
        }
        return text.toString();
    }

    private static Map<Setting, RawValue> builtInDefaults() {
        Map<Setting, RawValue> raw = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            raw.put(setting, new RawValue(setting.defaultValue(), "default " + setting.yamlKey()));
        }
        return raw;
    }

    private static Optional<Path> configFile(CommandLine commandLine, Map<String, String> env) {
        String source = commandLine.configFile().isPresent() ? "--config" : CONFIG_ENV;
        Optional<String> named = commandLine.configFile().or(() -> Optional.ofNullable(env.get(CONFIG_ENV)));
        return named.map(name -> {
            Path file = new RawValue(name, source).asPath();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(source + ": no such file: '" + name + "'");
            }
            return file;
        });
    }

    private static void readYaml(Supplier<? extends ConfigSource> source, String name, Map<Setting, RawValue> raw) {
        try {
            Config proxy = Config.builder()
                    .sources(source)
                    .disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .disableKeyResolving()
                    .disableValueResolving()
                    .build()
                    .get(YAML_ROOT);
            if (proxy.exists() && proxy.isLeaf()) {
                throw new IllegalArgumentException(name + ": '" + YAML_ROOT + "' must be a mapping of settings");
            }
            proxy.traverse().filter(Config::isLeaf).forEach(node -> {
                String key = node.key().toString().substring(YAML_ROOT.length() + 1);
                Setting setting = Setting.byYamlKey(key).orElseThrow(() -> new IllegalArgumentException(
                        name + ": unknown setting '" + YAML_ROOT + "." + key + "'"));
                raw.put(setting, new RawValue(node.asString().orElse(""), setting.yamlPath() + " in " + name));
            });
        } catch (ConfigException e) {
            throw new IllegalArgumentException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ProxyConfig build(Map<Setting, RawValue> raw) {
        return new ProxyConfig(
                raw.get(HOST).asText(),
                raw.get(PORT).asInt(0, 65_535),
                raw.get(MAX_CONCURRENT).asInt(1, Integer.MAX_VALUE),
                raw.get(QUEUE_TIMEOUT_MS).asMillis(1),
                raw.get(STALL_TIMEOUT_MS).asMillis(1),
                raw.get(MAX_DURATION_MS).asMillis(1),
                raw.get(MAX_OUTPUT_CHARS).asInt(1, Integer.MAX_VALUE),
                raw.get(API_KEY).asOptional(),
                raw.get(CLAUDE_PATH).asText(),
                raw.get(WORK_DIR).asPath(),
                raw.get(CLI_MAX_RETRIES).asInt(0, Integer.MAX_VALUE),
                raw.get(STREAM_COMMIT_GRACE_MS).asMillis(0),
                raw.get(PING_INTERVAL_MS).asMillis(1),
                raw.get(LOG_DIR).asPath(),
                raw.get(LOG_LEVEL).asLogLevel(),
                raw.get(DEBUG).asBoolean(),
                raw.get(MAX_BODY_BYTES).asLong(1, Long.MAX_VALUE),
                raw.get(SHUTDOWN_GRACE_MS).asMillis(0),
                new SessionConfig(
                        raw.get(DATA_DIR).asPath(),
                        raw.get(DB_URL).asOptionalH2Url(),
                        raw.get(DB_USER).asText(),
                        raw.get(DB_PASSWORD).asOptional().orElse(""),
                        raw.get(SESSION_TTL_MS).asMillis(1),
                        raw.get(MAX_SESSIONS).asInt(1, Integer.MAX_VALUE),
                        raw.get(SESSION_CLEANUP_INTERVAL_MS).asMillis(1)),
                new TraceConfig(
                        raw.get(TRACE_RETENTION_MS).asMillis(1),
                        raw.get(RECENT_TRACES).asInt(1, Integer.MAX_VALUE),
                        raw.get(HEALTH_LOG_INTERVAL_MS).asMillis(1)),
                new WarmConfig(
                        raw.get(WARM_PROCESSES).asInt(0, 64),
                        raw.get(WARM_PER_KIND).asInt(1, 64),
                        raw.get(WARM_IDLE_MS).asMillis(1),
                        raw.get(WARM_MAX_MEMORY_MB).asLong(0, Long.MAX_VALUE / (1024 * 1024)),
                        raw.get(LIVE_CONVERSATIONS).asInt(0, 64),
                        raw.get(LIVE_IDLE_MS).asMillis(1)));
    }
}
