package dev.claudeproxy.adapters.persistence.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Formats a record as one JSON object on one line: {@code ts, level, event, reqId, <fields>, logger}. */
public final class JsonLineFormatter extends Formatter {

    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * A structured record has the event name as its message and a {@code Map} of fields as its only parameter
     * ({@code LOG.log(Level.INFO, "request.completed", Map.of("reqId", id))}); any other record becomes
     * {@code event = <logger name>, msg = <formatted message>}. A thrown exception adds {@code error} and
     * {@code stack}. The names the formatter writes itself win: a field called {@code ts}, {@code level},
     * {@code event}, {@code logger}, or {@code error}/{@code stack} next to an exception, is kept as {@code _<name>}.
     */
    @Override
    public String format(LogRecord record) {
        try {
            return line(fields(record));
        } catch (RuntimeException e) { // a field's toString or a map changing under us must not lose the record
            Map<String, Object> fallback = head(record, "log.format_failed");
            fallback.put("error", JsonText.describe(e));
            fallback.put("logger", record.getLoggerName());
            return line(fallback);
        }
    }

    /** The JSON level name of a JUL level: error, warn, info (INFO and CONFIG) or debug (FINE and below). */
    public static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= Level.WARNING.intValue()) {
            return "warn";
        }
        return value >= Level.CONFIG.intValue() ? "info" : "debug";
    }

    private Map<String, Object> fields(LogRecord record) {
        Map<?, ?> structured = structuredFields(record);
        Map<String, Object> out = head(record, structured != null ? record.getMessage() : plainEvent(record));
        Set<String> own = record.getThrown() == null
                ? Set.of("ts", "level", "event", "logger")
                : Set.of("ts", "level", "event", "logger", "error", "stack");
        if (structured != null) {
            if (structured.containsKey("reqId")) {
                out.put("reqId", structured.get("reqId"));
            }
            structured.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (!name.equals("reqId")) {
                    out.put(own.contains(name) ? "_" + name : name, value);
                }
            });
        } else {
            out.put("msg", formatPlain(record));
        }
        if (record.getThrown() != null) {
            out.put("error", JsonText.describe(record.getThrown()));
            out.put("stack", stackTrace(record.getThrown()));
        }
        out.put("logger", record.getLoggerName());
        return out;
    }

    private static Map<?, ?> structuredFields(LogRecord record) {
        Object[] params = record.getParameters();
        boolean structured = record.getMessage() != null && params != null && params.length == 1
                && params[0] instanceof Map<?, ?>;
        return structured ? (Map<?, ?>) params[0] : null;
    }

    private static String plainEvent(LogRecord record) {
        return record.getLoggerName() == null ? "log" : record.getLoggerName();
    }

    private String formatPlain(LogRecord record) {
        return record.getMessage() == null ? null : formatMessage(record);
    }

    private static Map<String, Object> head(LogRecord record, String event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ts", TS.format(record.getInstant()));
        out.put("level", levelName(record.getLevel()));
        out.put("event", event);
        return out;
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String line(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder(256);
        JsonText.value(fields, out);
        return out.append('\n').toString();
    }
}
