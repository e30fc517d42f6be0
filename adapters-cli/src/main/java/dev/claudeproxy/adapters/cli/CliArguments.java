package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ThinkingConfig;
import java.util.ArrayList;
import java.util.List;

/** Builds the CLI's argv for one turn: stream-json in and out, one turn, every built-in tool and setting off. */
final class CliArguments {

    private CliArguments() {
    }

    static List<String> forTurn(String executable, TurnRequest request) {
        List<String> argv = common(executable, request.model().cliAlias(), request.partialMessages());
        request.resumeSessionId().ifPresent(id -> argv.add("--resume=" + id));
        if (!request.persistSession()) {
            argv.add("--no-session-persistence");
        }
        request.thinking().ifPresent(t -> argv.add(switch (t) {
            case ThinkingConfig.Enabled e -> "--max-thinking-tokens=" + e.budgetTokens();
            case ThinkingConfig.Adaptive a -> "--thinking=adaptive";
            case ThinkingConfig.Disabled d -> "--thinking=disabled";
        }));
        return argv;
    }

    /** The argv of a process started ahead of need: the same as {@link #forTurn} for any request of that kind. */
    static List<String> forWarm(String executable, WarmKey key) {
        List<String> argv = common(executable, key.tier().cliAlias(), key.partialMessages());
        if (!key.persistSession()) {
            argv.add("--no-session-persistence");
        }
        return argv;
    }

    private static List<String> common(String executable, String model, boolean partialMessages) {
        List<String> argv = new ArrayList<>(List.of(
                executable,
                "--output-format", "stream-json",
                "--verbose",
                "--input-format", "stream-json",
                "--max-turns=1",
                "--model=" + model,
                "--tools=",
                "--setting-sources=",
                "--strict-mcp-config",
                "--permission-mode=bypassPermissions",
                "--allow-dangerously-skip-permissions"));
        if (partialMessages) {
            argv.add("--include-partial-messages");
        }
        return argv;
    }
}
