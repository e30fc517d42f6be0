package dev.claudeproxy.application.port.out;

/** Runs turns of the Claude Code CLI. */
public interface ClaudeRunner {

    /**
     * Starts a turn. Never throws for CLI trouble: a CLI that cannot be started yields a turn whose
     * first event is a failure.
     */
    ClaudeTurn start(TurnRequest request);
}
