package dev.claudeproxy.adapters.cli.contract;

import dev.claudeproxy.adapters.cli.CliClaudeRunner;

/** A contract world whose runner is the CLI adapter, for what only it offers (warm processes, live conversations). */
public interface CliWorld extends RunnerWorld {

    CliClaudeRunner cliRunner();
}
