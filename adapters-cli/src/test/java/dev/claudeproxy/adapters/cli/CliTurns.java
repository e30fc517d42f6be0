package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.ClaudeTurn;

/** What tests may know of a turn that {@link CliClaudeRunner} started: the process it runs in. */
public final class CliTurns {

    private CliTurns() {
    }

    /** The id of the process running {@code turn}, or -1 for a turn that failed before any process ran. */
    public static long pid(ClaudeTurn turn) {
        return switch (turn) {
            case CliTurn t -> t.pid();
            case ParkedProcessTurn t -> t.pid();
            default -> -1;
        };
    }
}
