package dev.claudeproxy.bootstrap.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A setting's text as found in one source, with typed readers whose errors name that source. */
record RawValue(String text, String source) {

    int asInt(long min, long max) {
        return (int) asLong(min, max);
    }

    long asLong(long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw fail("not a number: '" + text + "'");
        }
        if (value < min || value > max) {
            throw fail("must be " + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? "at least " + min : "between " + min + " and " + max) + ": " + value);
        }
        return value;
    }

    Duration asMillis(long min) {
        return Duration.ofMillis(asLong(min, Long.MAX_VALUE));
    }

    boolean asBoolean() {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off", "" -> false;
            default -> throw fail("not a boolean (1/true/0/false): '" + text + "'");
        };
    }

    String asText() {
        if (text.isBlank()) {
            throw fail("must not be blank");
        }
        return text.strip();
    }

    String asLogLevel() {
        String level = text.strip().toLowerCase(Locale.ROOT);
        if (!ProxyConfig.LOG_LEVELS.contains(level)) {
            throw fail("not a log level (error, warn, info, debug, trace): '" + text + "'");
        }
        return level;
    }

    Optional<String> asOptional() {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** An optional H2 JDBC URL, the only kind of database the repositories speak to. */
    Optional<String> asOptionalH2Url() {
        Optional<String> url = asOptional();
        url.filter(u -> !u.startsWith("jdbc:h2:")).ifPresent(u -> {
            throw fail("not an H2 JDBC URL (jdbc:h2:...): '" + u + "'");
        });
        return url;
    }

    Path asPath() {
        try {
            return Path.of(asText());
        } catch (InvalidPathException e) {
            throw fail("not a path: '" + text + "'");
        }
    }

    IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException(source + ": " + problem);
    }
}
