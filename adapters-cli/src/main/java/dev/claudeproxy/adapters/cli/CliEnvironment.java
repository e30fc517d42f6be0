package dev.claudeproxy.adapters.cli;

import java.util.Map;

/** The environment every CLI process gets: no telemetry, updates or nesting, the retry count, the extra variables. */
final class CliEnvironment {

    private CliEnvironment() {
    }

    static void apply(Map<String, String> env, CliSettings settings) {
        // a CLI started from inside a Claude Code session must not think it is nested
        env.remove("CLAUDECODE");
        env.put("DISABLE_TELEMETRY", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("CLAUDE_CODE_MAX_RETRIES", Integer.toString(settings.maxRetries()));
        if (RunningUser.isRoot()) {
            // bypassPermissions is refused as root unless the CLI is told it runs in a sandbox; no tool can run anyway
            env.put("IS_SANDBOX", "1");
        }
        env.putAll(settings.environment());
    }
}
