package dev.claudeproxy.adapters.cli.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the scripted fake CLI prints for one run, modelled on the real CLI's transcripts. */
public final class Scenario {

    private final List<String> lines = new ArrayList<>();

    private Scenario() {
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** A plain answer: each string is one text delta. */
    public static Scenario text(String... deltas) {
        Scenario s = start();
        s.partial(event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (String d : deltas) {
            s.partial(event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                    + quote(d) + "}}"));
        }
        s.lines.add(assistant("{\"type\":\"text\",\"text\":" + quote(String.join("", deltas)) + "}"));
        s.partial(event("{\"type\":\"content_block_stop\",\"index\":0}"));
        return s.finish(String.join("", deltas), "end_turn", 17, Math.max(1, String.join("", deltas).length() / 4));
    }

    /** A thinking block, then a text answer. */
    public static Scenario thinkingThenText(String thinking, String... deltas) {
        Scenario s = start();
        s.partial(event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}"));
        s.partial(event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":"
                + quote(thinking) + "}}"));
        s.partial(event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"ZmFrZXNpZw==\"}}"));
        s.lines.add(assistant("{\"type\":\"thinking\",\"thinking\":" + quote(thinking) + ",\"signature\":\"ZmFrZXNpZw==\"}"));
        s.partial(event("{\"type\":\"content_block_stop\",\"index\":0}"));
        s.partial(event("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (String d : deltas) {
            s.partial(event("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":"
                    + quote(d) + "}}"));
        }
        s.lines.add(assistant("{\"type\":\"text\",\"text\":" + quote(String.join("", deltas)) + "}"));
        s.partial(event("{\"type\":\"content_block_stop\",\"index\":1}"));
        return s.finish(String.join("", deltas), "end_turn", 17, 20);
    }

    /** The upstream API failed after the CLI's retries (529, 429, 401, 500 …): synthetic message, error result, exit 1. */
    public static Scenario upstreamError(int status, String type, String message) {
        Scenario s = new Scenario();
        s.init();
        s.lines.add("{\"type\":\"system\",\"subtype\":\"api_retry\",\"attempt\":1,\"max_retries\":1,\"retry_delay_ms\":500,"
                + "\"error_status\":" + status + ",\"error\":\"" + type + "\",\"session_id\":\"{{SESSION}}\"}");
        s.lines.add("{\"type\":\"assistant\",\"message\":{\"id\":\"x\",\"model\":\"<synthetic>\",\"role\":\"assistant\","
                + "\"stop_reason\":\"stop_sequence\",\"type\":\"message\",\"usage\":{\"input_tokens\":0,\"output_tokens\":0},"
                + "\"content\":[{\"type\":\"text\",\"text\":" + quote(message) + "}]},\"session_id\":\"{{SESSION}}\","
                + "\"error\":\"server_error\",\"is_api_error_message\":true,\"api_error_status\":" + status + "}");
        s.lines.add("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,\"terminal_reason\":\"api_error\","
                + "\"api_error_status\":" + status + ",\"result\":" + quote(message) + ",\"stop_reason\":\"stop_sequence\","
                + "\"session_id\":\"{{SESSION}}\",\"usage\":{\"input_tokens\":0,\"output_tokens\":0},\"num_turns\":1}");
        s.lines.add("#exit 1");
        return s;
    }

    /** {@code --resume} with a session id the CLI does not know. */
    public static Scenario resumeNotFound(String sessionId) {
        Scenario s = new Scenario();
        String msg = "No conversation found with session ID: " + sessionId;
        s.lines.add("{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"duration_ms\":0,\"is_error\":true,"
                + "\"num_turns\":0,\"stop_reason\":null,\"session_id\":\"" + sessionId + "\",\"errors\":[" + quote(msg) + "]}");
        s.lines.add("#stderr " + msg);
        s.lines.add("#exit 1");
        return s;
    }

    /** The CLI dies mid-turn with the given exit code and stderr. */
    public static Scenario crash(int exitCode, String stderr) {
        Scenario s = new Scenario();
        s.init();
        s.lines.add("#stderr " + stderr);
        s.lines.add("#exit " + exitCode);
        return s;
    }

    /** The CLI exits with the given code as soon as its turn starts, printing nothing. */
    public static Scenario diesAtOnce(int exitCode) {
        Scenario s = new Scenario();
        s.lines.add("#exit " + exitCode);
        return s;
    }

    /** The upstream starts its answer, then the CLI falls silent forever (with a child process alive). */
    public static Scenario hangAfterStart() {
        Scenario s = start();
        s.lines.add("#child");
        s.lines.add("#hang");
        return s;
    }

    /** After its last line the process stays alive this long, whether or not stdin is closed. */
    public Scenario lingering(Duration time) {
        lines.add("#sleep " + String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0));
        return this;
    }

    /** Takes this long before printing anything, as a CLI starting up and waiting for the model does. */
    public Scenario delayedBy(Duration time) {
        lines.addFirst("#sleep " + String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0));
        return this;
    }

    /** Pauses before every following line. */
    public Scenario pacedBy(Duration pause) {
        String sleep = "#sleep " + String.format(Locale.ROOT, "%.3f", pause.toMillis() / 1000.0);
        List<String> paced = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("#") || l.startsWith("#partial ")) {
                paced.add(sleep);
            }
            paced.add(l);
        }
        lines.clear();
        lines.addAll(paced);
        return this;
    }

    private static Scenario start() {
        Scenario s = new Scenario();
        s.init();
        s.lines.add("{\"type\":\"system\",\"subtype\":\"status\",\"status\":\"requesting\",\"session_id\":\"{{SESSION}}\"}");
        s.partial(event("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-5-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":17,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}"));
        return s;
    }

    private void init() {
        lines.add("{\"type\":\"system\",\"subtype\":\"init\",\"cwd\":\"/w\",\"session_id\":\"{{SESSION}}\",\"tools\":[],"
                + "\"mcp_servers\":[],\"model\":\"claude-sonnet-5-5\",\"permissionMode\":\"bypassPermissions\","
                + "\"claude_code_version\":\"2.1.331\",\"uuid\":\"00000000-0000-4000-8000-000000000001\"}");
    }

    private Scenario finish(String result, String stopReason, int inputTokens, int outputTokens) {
        partial(event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null},"
                + "\"usage\":{\"output_tokens\":" + outputTokens + "}}"));
        partial(event("{\"type\":\"message_stop\"}"));
        lines.add("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"duration_ms\":241,\"num_turns\":1,"
                + "\"result\":" + quote(result) + ",\"stop_reason\":\"" + stopReason + "\",\"session_id\":\"{{SESSION}}\","
                + "\"total_cost_usd\":0.0001,\"usage\":{\"input_tokens\":" + inputTokens + ",\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":0,\"output_tokens\":" + outputTokens + "},\"terminal_reason\":\"completed\","
                + "\"api_error_status\":null,\"result_index\":0}");
        return this;
    }

    private void partial(String line) {
        lines.add("#partial " + line);
    }

    private static String event(String event) {
        return "{\"type\":\"stream_event\",\"event\":" + event + ",\"session_id\":\"{{SESSION}}\",\"parent_tool_use_id\":null}";
    }

    private static String assistant(String block) {
        return "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_fake_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-5-5\",\"content\":[" + block + "],\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":17,\"output_tokens\":1}},\"parent_tool_use_id\":null,\"session_id\":\"{{SESSION}}\"}";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
