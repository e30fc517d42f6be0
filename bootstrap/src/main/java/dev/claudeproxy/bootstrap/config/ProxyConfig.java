package dev.claudeproxy.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the proxy as plain, validated values; {@link ConfigLoader} builds it from defaults,
 * YAML, environment and flags.
 */
public record ProxyConfig(
        String host,
        int port,
        int maxConcurrent,
        Duration queueTimeout,
        Duration stallTimeout,
        Duration maxDuration,
        int maxOutputChars,
        Optional<String> apiKey,
        String claudePath,
        Path cliWorkDir,
        int cliMaxRetries,
        Duration streamCommitGrace,
        Duration pingInterval,
        Path logDir,
        String logLevel,
        boolean debug,
        long maxBodyBytes,
        Duration shutdownGrace,
        SessionConfig sessions,
        TraceConfig traces,
        WarmConfig warm) {

    /** The log levels {@code logLevel} accepts, lower case. */
    public static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    public ProxyConfig {
        host = requireText(host, "host");
        requireRange(port, 0, 65_535, "port");
        requireRange(maxConcurrent, 1, Integer.MAX_VALUE, "maxConcurrent");
        requirePositive(queueTimeout, "queueTimeout");
        requirePositive(stallTimeout, "stallTimeout");
        requirePositive(maxDuration, "maxDuration");
        requireRange(maxOutputChars, 1, Integer.MAX_VALUE, "maxOutputChars");
        apiKey = Objects.requireNonNull(apiKey, "apiKey").filter(key -> !key.isBlank());
        claudePath = requireText(claudePath, "claudePath");
        Objects.requireNonNull(cliWorkDir, "cliWorkDir");
        requireRange(cliMaxRetries, 0, Integer.MAX_VALUE, "cliMaxRetries");
        if (Objects.requireNonNull(streamCommitGrace, "streamCommitGrace").isNegative()) {
            throw new IllegalArgumentException("streamCommitGrace must not be negative: " + streamCommitGrace);
        }
        requirePositive(pingInterval, "pingInterval");
        Objects.requireNonNull(logDir, "logDir");
        logLevel = requireText(logLevel, "logLevel").toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new IllegalArgumentException("logLevel must be one of " + LOG_LEVELS + ": '" + logLevel + "'");
        }
        requireRange(maxBodyBytes, 1, Long.MAX_VALUE, "maxBodyBytes");
        if (Objects.requireNonNull(shutdownGrace, "shutdownGrace").isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(traces, "traces");
        Objects.requireNonNull(warm, "warm");
    }

    /** Whether requests must carry the API key. */
    public boolean authRequired() {
        return apiKey.isPresent();
    }

    @Override
    public String toString() {
        return "ProxyConfig[host=" + host + ", port=" + port + ", maxConcurrent=" + maxConcurrent
                + ", queueTimeout=" + queueTimeout + ", stallTimeout=" + stallTimeout
                + ", maxDuration=" + maxDuration + ", maxOutputChars=" + maxOutputChars
                + ", apiKey=" + (apiKey.isPresent() ? "***" : "(unset)") + ", claudePath=" + claudePath
                + ", cliWorkDir=" + cliWorkDir + ", cliMaxRetries=" + cliMaxRetries
                + ", streamCommitGrace=" + streamCommitGrace + ", pingInterval=" + pingInterval
                + ", logDir=" + logDir + ", logLevel=" + logLevel + ", debug=" + debug
                + ", maxBodyBytes=" + maxBodyBytes + ", shutdownGrace=" + shutdownGrace
                + ", sessions=" + sessions + ", traces=" + traces + ", warm=" + warm + "]";
    }

    /** The settings operators see in /debug/stats: everything but secrets (API key, database password). */
    public java.util.Map<String, Object> publicSettings() {
        java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>();
        shown.put("host", host);
        shown.put("port", port);
        shown.put("maxConcurrent", maxConcurrent);
        shown.put("queueTimeoutMs", queueTimeout.toMillis());
        shown.put("stallTimeoutMs", stallTimeout.toMillis());
        shown.put("maxDurationMs", maxDuration.toMillis());
        shown.put("maxOutputChars", maxOutputChars);
        shown.put("authRequired", authRequired());
        shown.put("claudeExecutable", claudePath);
        shown.put("logDir", logDir.toString());
        shown.put("logLevel", logLevel);
        shown.put("debug", debug);
        shown.put("maxBodyBytes", maxBodyBytes);
        shown.put("shutdownGraceMs", shutdownGrace.toMillis());
        shown.put("sessionTtlMs", sessions.ttl().toMillis());
        shown.put("maxSessions", sessions.maxSessions());
        shown.put("database", sessions.dbUrl().orElse("embedded file in " + sessions.dataDir()));
        shown.put("traceRetentionMs", traces.retention().toMillis());
        shown.put("warmProcesses", warm.maxProcesses());
        shown.put("warmPerKind", warm.perKind());
        shown.put("warmIdleMs", warm.idleLifetime().toMillis());
        shown.put("warmMaxMemoryMb", warm.maxMemoryMb());
        shown.put("liveConversations", warm.liveConversations());
        shown.put("liveIdleMs", warm.liveIdleLifetime().toMillis());
        return shown;
    }

    private static String requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    private static void requireRange(long value, long min, long max, String name) {
        if (value < min || value > max) {
            String bound = max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max;
            throw new IllegalArgumentException(name + " must be " + bound + ": " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
