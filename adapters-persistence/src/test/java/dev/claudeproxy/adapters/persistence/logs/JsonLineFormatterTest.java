package dev.claudeproxy.adapters.persistence.logs;

import static dev.claudeproxy.adapters.persistence.logs.JsonLines.parse;
import static dev.claudeproxy.adapters.persistence.logs.JsonLines.record;
import static dev.claudeproxy.adapters.persistence.logs.JsonLines.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JsonLineFormatterTest {

    private final JsonLineFormatter formatter = new JsonLineFormatter();

    @Test
    void structuredRecord_writesTsLevelEventReqIdThenFieldsThenLogger() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", 200);
        fields.put("reqId", "req_1");
        fields.put("stream", true);
        fields.put("ms", 12.5);
        fields.put("none", null);
        fields.put("usage", Map.of("input", 3));
        fields.put("models", List.of("a", "b"));

        JsonValue.JsonObject line = parse(formatter.format(record(Level.INFO, "request.completed", fields)));

        assertThat(line.members().keySet()).containsExactly(
                "ts", "level", "event", "reqId", "status", "stream", "ms", "none", "usage", "models", "logger");
        assertThat(text(line, "ts")).isEqualTo("2026-03-04T05:06:07.089Z");
        assertThat(text(line, "level")).isEqualTo("info");
        assertThat(text(line, "event")).isEqualTo("request.completed");
        assertThat(text(line, "reqId")).isEqualTo("req_1");
        assertThat(line.members().get("status")).isEqualTo(new JsonValue.JsonNumber(new BigDecimal("200")));
        assertThat(line.members().get("stream")).isEqualTo(new JsonValue.JsonBool(true));
        assertThat(line.members().get("ms")).isEqualTo(new JsonValue.JsonNumber(new BigDecimal("12.5")));
        assertThat(line.members().get("none")).isEqualTo(JsonValue.JsonNull.INSTANCE);
        assertThat(line.members().get("usage").toString()).contains("input");
        assertThat(line.members().get("models")).isInstanceOf(JsonValue.JsonArray.class);
        assertThat(text(line, "logger")).isEqualTo("dev.claudeproxy.test");
    }

    @Test
    void tsAlwaysHasMillis() {
        LogRecord record = record(Level.INFO, "x", Map.of());
        record.setInstant(java.time.Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(text(parse(formatter.format(record)), "ts")).isEqualTo("2026-01-01T00:00:00.000Z");
    }

    @Test
    void plainRecord_eventIsTheLoggerAndMsgTheFormattedMessage() {
        JsonValue.JsonObject line = parse(formatter.format(record(Level.WARNING, "port {0} busy", "http")));

        assertThat(line.members().keySet()).containsExactly("ts", "level", "event", "msg", "logger");
        assertThat(text(line, "event")).isEqualTo("dev.claudeproxy.test");
        assertThat(text(line, "msg")).isEqualTo("port http busy");
        assertThat(text(line, "level")).isEqualTo("warn");
    }

    @Test
    void plainRecordWithoutMessageOrLogger_isStillValid() {
        LogRecord record = record(Level.INFO, null);
        record.setLoggerName(null);

        JsonValue.JsonObject line = parse(formatter.format(record));

        assertThat(text(line, "event")).isEqualTo("log");
        assertThat(line.members().get("msg")).isEqualTo(JsonValue.JsonNull.INSTANCE);
    }

    @Test
    void thrownException_addsErrorAndStack() {
        LogRecord record = record(Level.SEVERE, "request.failed", Map.of("reqId", "r"));
        record.setThrown(new IllegalStateException("boom \"quoted\"\nsecond line"));

        JsonValue.JsonObject line = parse(formatter.format(record));

        assertThat(text(line, "error")).isEqualTo("java.lang.IllegalStateException: boom \"quoted\"\nsecond line");
        assertThat(text(line, "stack")).contains("JsonLineFormatterTest.thrownException_addsErrorAndStack");
        assertThat(text(line, "level")).isEqualTo("error");
        assertThat(line.members().keySet())
                .containsExactly("ts", "level", "event", "reqId", "error", "stack", "logger");
    }

    @Test
    void callerFieldsNamedLikeTheFormattersOwn_areKeptUnderscored() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", "mine");
        fields.put("logger", "mine too");
        fields.put("error", "cli_error");
        JsonValue.JsonObject line = parse(formatter.format(record(Level.INFO, "e", fields)));

        assertThat(text(line, "level")).isEqualTo("info");
        assertThat(text(line, "_level")).isEqualTo("mine");
        assertThat(text(line, "_logger")).isEqualTo("mine too");
        assertThat(text(line, "error")).isEqualTo("cli_error");
    }

    @Test
    void weirdCharacters_areEscapedAndComeBackIntact() {
        String weird = "a\nb\r\"c\"\\d\te\u0000f\u001fg\u007fh\u2028i\u2029j😀k\u0085l";
        String loneSurrogates = "x\ud800y\udc00z";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", weird);
        fields.put("key\nwith \"quote\"", "v");
        fields.put("lone", loneSurrogates);

        String formatted = formatter.format(record(Level.INFO, "ev\u2028ent", fields));
        JsonValue.JsonObject line = parse(formatted);

        assertThat(text(line, "text")).isEqualTo(weird);
        assertThat(text(line, "key\nwith \"quote\"")).isEqualTo("v");
        assertThat(text(line, "lone")).isEqualTo(loneSurrogates);
        assertThat(text(line, "event")).isEqualTo("ev\u2028ent");
        assertThat(formatted).contains("😀").doesNotContain("\u0000", "\u007f");
    }

    @Test
    void oddValues_becomeValidJson() {
        Map<String, Object> self = new HashMap<>();
        self.put("me", self);
        List<Object> list = new ArrayList<>();
        list.add(list);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("nan", Double.NaN);
        fields.put("inf", Float.NEGATIVE_INFINITY);
        fields.put("big", new BigDecimal("1E+400"));
        fields.put("ints", new int[] {1, 2});
        fields.put("error", new IllegalArgumentException("bad"));
        fields.put("object", new Object() {
            @Override
            public String toString() {
                return "custom\nthing";
            }
        });
        fields.put("selfMap", self);
        fields.put("selfList", list);

        JsonValue.JsonObject line = parse(formatter.format(record(Level.INFO, "odd", fields)));

        assertThat(text(line, "nan")).isEqualTo("NaN");
        assertThat(text(line, "inf")).isEqualTo("-Infinity");
        assertThat(line.members().get("big")).isEqualTo(new JsonValue.JsonNumber(new BigDecimal("1E+400")));
        assertThat(line.members().get("ints").toString()).contains("1", "2");
        assertThat(text(line, "error")).isEqualTo("java.lang.IllegalArgumentException: bad");
        assertThat(text(line, "object")).isEqualTo("custom\nthing");
    }

    @Test
    void aFieldWhoseToStringThrows_stillGivesAValidLine() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };

        JsonValue.JsonObject line = parse(formatter.format(record(Level.INFO, "ev", Map.of("x", hostile))));

        assertThat(text(line, "event")).isEqualTo("log.format_failed");
        assertThat(text(line, "error")).contains("no");
    }

    @Test
    void levels_mapToFourNames() {
        assertThat(JsonLineFormatter.levelName(Level.SEVERE)).isEqualTo("error");
        assertThat(JsonLineFormatter.levelName(Level.WARNING)).isEqualTo("warn");
        assertThat(JsonLineFormatter.levelName(Level.INFO)).isEqualTo("info");
        assertThat(JsonLineFormatter.levelName(Level.CONFIG)).isEqualTo("info");
        assertThat(JsonLineFormatter.levelName(Level.FINE)).isEqualTo("debug");
        assertThat(JsonLineFormatter.levelName(Level.FINER)).isEqualTo("debug");
        assertThat(JsonLineFormatter.levelName(Level.FINEST)).isEqualTo("debug");
    }

    @Test
    void systemLoggerWithAMap_arrivesAsAStructuredRecord() {
        String name = "dev.claudeproxy.test.system-logger";
        Logger jul = Logger.getLogger(name);
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        jul.setUseParentHandlers(false);
        try {
            System.Logger log = System.getLogger(name);
            log.log(System.Logger.Level.INFO, "request.completed", Map.of("reqId", "r1", "status", 200));
            log.log(System.Logger.Level.ERROR, "cli failed", new RuntimeException("x"));
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(true);
        }

        assertThat(lines).hasSize(2);
        JsonValue.JsonObject structured = parse(lines.get(0));
        assertThat(text(structured, "event")).isEqualTo("request.completed");
        assertThat(text(structured, "reqId")).isEqualTo("r1");
        assertThat(text(structured, "logger")).isEqualTo(name);
        JsonValue.JsonObject failed = parse(lines.get(1));
        assertThat(text(failed, "level")).isEqualTo("error");
        assertThat(text(failed, "msg")).isEqualTo("cli failed");
        assertThat(text(failed, "error")).isEqualTo("java.lang.RuntimeException: x");
    }
}
