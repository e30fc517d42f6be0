package dev.claudeproxy.bootstrap.config;

import java.util.Arrays;
import java.util.Optional;

/** One configurable setting: its YAML key under {@code proxy:}, environment variable, built-in default and meaning. */
enum Setting {
    HOST("host", "HOST", "127.0.0.1", "interface to listen on"),
    PORT("port", "PORT", "3456", "TCP port; 0 picks a free one"),
    MAX_CONCURRENT("max-concurrent", "MAX_CONCURRENT", "5", "CLI runs at once; more requests queue"),
    QUEUE_TIMEOUT_MS("queue-timeout-ms", "QUEUE_TIMEOUT_MS", "30000", "longest wait for a slot before 529"),
    STALL_TIMEOUT_MS("stall-timeout-ms", "STALL_TIMEOUT_MS", "120000", "abort a run silent for this long"),
    MAX_DURATION_MS("max-duration-ms", "MAX_DURATION_MS", "600000", "abort a run lasting longer"),
    MAX_OUTPUT_CHARS("max-output-chars", "MAX_OUTPUT_CHARS", "500000", "abort a run writing more"),
    API_KEY("api-key", "API_KEY", "", "key clients must send; unset or blank = open"),
    CLAUDE_PATH("claude-path", "CLAUDE_PATH", "claude", "the claude executable, a path or a name on PATH"),
    WORK_DIR("work-dir", "WORK_DIR", "./data/workspace", "working directory of the CLI"),
    CLI_MAX_RETRIES("cli-max-retries", "CLI_MAX_RETRIES", "2", "the CLI's own upstream retries"),
    STREAM_COMMIT_GRACE_MS("stream-commit-grace-ms", "STREAM_COMMIT_GRACE_MS", "3000",
            "longest a stream waits for the first CLI event before committing its 200"),
    PING_INTERVAL_MS("ping-interval-ms", "PING_INTERVAL_MS", "15000", "SSE ping period"),
    LOG_DIR("log-dir", "LOG_DIR", "./logs", "directory for log files"),
    LOG_LEVEL("log-level", "LOG_LEVEL", "info", "error, warn, info, debug or trace"),
    DEBUG("debug", "DEBUG", "false", "debug mode (1/true/0/false)"),
    MAX_BODY_BYTES("max-body-bytes", "MAX_BODY_BYTES", "10485760", "largest request body accepted"),
    SHUTDOWN_GRACE_MS("shutdown-grace-ms", "SHUTDOWN_GRACE_MS", "30000",
            "on shutdown, how long running requests may finish before their CLIs are killed"),
    DATA_DIR("data-dir", "DATA_DIR", "./data", "folder of the embedded H2 database file"),
    DB_URL("db-url", "DB_URL", "", "JDBC URL of another database; blank = the embedded file in data-dir"),
    DB_USER("db-user", "DB_USER", "sa", "database user"),
    DB_PASSWORD("db-password", "DB_PASSWORD", "", "database password"),
    SESSION_TTL_MS("session-ttl-ms", "SESSION_TTL_MS", "86400000", "a session lives this long after its last use"),
    MAX_SESSIONS("max-sessions", "MAX_SESSIONS", "500", "sessions kept at most; the least recently used go"),
    SESSION_CLEANUP_INTERVAL_MS("session-cleanup-interval-ms", "SESSION_CLEANUP_INTERVAL_MS", "600000",
            "how often expired sessions are removed"),
    TRACE_RETENTION_MS("trace-retention-ms", "TRACE_RETENTION_MS", "604800000",
            "stored request traces older than this are removed"),
    RECENT_TRACES("recent-traces", "RECENT_TRACES", "1000", "recent request traces held in memory"),
    HEALTH_LOG_INTERVAL_MS("health-log-interval-ms", "HEALTH_LOG_INTERVAL_MS", "300000",
            "how often a proxy.health line is logged"),
    WARM_PROCESSES("warm-processes", "WARM_PROCESSES", "2",
            "CLI processes started ahead of need, waiting for a turn; 0 = start one per request"),
    WARM_PER_KIND("warm-per-kind", "WARM_PER_KIND", "1", "warm processes of one kind (model, stream or not)"),
    WARM_IDLE_MS("warm-idle-ms", "WARM_IDLE_MS", "600000", "an unused warm process is stopped after this long"),
    WARM_MAX_MEMORY_MB("warm-max-memory-mb", "WARM_MAX_MEMORY_MB", "1024",
            "memory the waiting warm processes may hold together; 0 = unbounded"),
    LIVE_CONVERSATIONS("live-conversations", "LIVE_CONVERSATIONS", "2",
            "conversations whose CLI process is kept after a turn for the next one; 0 = resume with a new process"),
    LIVE_IDLE_MS("live-idle-ms", "LIVE_IDLE_MS", "300000", "a kept conversation process is stopped after this long");

    static final String ENV_PREFIX = "CLAUDE_PROXY_";
    static final String YAML_ROOT = "proxy";

    private final String yamlKey;
    private final String envVar;
    private final String defaultValue;
    private final String description;

    Setting(String yamlKey, String envSuffix, String defaultValue, String description) {
        this.yamlKey = yamlKey;
        this.envVar = ENV_PREFIX + envSuffix;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String yamlKey() {
        return yamlKey;
    }

    String yamlPath() {
        return YAML_ROOT + "." + yamlKey;
    }

    String envVar() {
        return envVar;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    static Optional<Setting> byYamlKey(String key) {
        return Arrays.stream(values()).filter(s -> s.yamlKey.equals(key)).findFirst();
    }
}
