package dev.claudeproxy.adapters.persistence.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Test helpers: records at a chosen instant, and log lines parsed back as JSON objects. */
final class JsonLines {

    private JsonLines() {
    }

    static LogRecord record(Level level, String message, Object... params) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("dev.claudeproxy.test");
        record.setInstant(Instant.parse("2026-03-04T05:06:07.089Z"));
        record.setParameters(params.length == 0 ? null : params);
        return record;
    }

    /** One formatted line, checked to be a single line, parsed. */
    static JsonValue.JsonObject parse(String line) {
        assertThat(line).endsWith("\n");
        String body = line.substring(0, line.length() - 1);
        assertThat(body).doesNotContain("\n", "\r", "\u2028", "\u2029");
        return (JsonValue.JsonObject) JsonParser.parse(body);
    }

    static String text(JsonValue.JsonObject object, String name) {
        return ((JsonValue.JsonString) object.members().get(name)).value();
    }
}
